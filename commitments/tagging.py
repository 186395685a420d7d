"""Find who is asked, or commits, to do what in a paragraph of a UN text.

Pure: paragraph text plus a `Catalogue` (actor names and type rules, plain data) in,
dataclasses out. No ORM, no I/O; `services.py` loads the catalogue and writes results.

How a paragraph is read:
1. Actors are recognised by their names (aliases): whole words, longest match first,
   the first letter's case free ("Civil society" at a sentence start). An acronym printed
   in parentheses after a recognised name ("... Women (UN-Women)") becomes a name of that
   actor for the rest of the paragraph. Back-references ("the Office", "the Coordination
   Group") resolve to the candidate named most recently in the paragraph, else earlier in
   the document (`context`), else are ignored.
2. The text is split into clauses at each operative verb: at the start of the paragraph,
   or after ", ", "; " or " and " ("Urges Member States ..., and invites the Conference
   ..."). Declarations in the first person ("We commit to", "we urge") are read the same
   way.
3. For a verb that asks someone ("requests", "urges", "calls upon", "invites", ...), the
   addressees are the actors that directly follow the verb, joined only by "and", commas
   and words such as "all", "relevant", "other" ("Requests the United Nations Office on
   Drugs and Crime, as coordinator of the Inter-Agency Coordination Group, ..." → UNODC is
   asked, ICAT merely mentioned). A verb by which the speaker binds itself ("decides",
   "we commit", "we will") makes the speaker the actor. Noting verbs ("welcomes", "takes
   note") ask nothing: their actors are mentions.
4. Each commitment gets the commitment types whose rules match its clause, and a
   deadline when the clause gives one ("at its seventy-fourth session").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

DECIDES, URGES, ENCOURAGES, NOTES = "decides", "urges", "encourages", "notes"
# Paragraph numbering left in the text ("10. ", "(a) ") is skipped.
_NUMBERING = r"(?:^\s*(?:\(?[0-9]{1,3}[.)]|\([a-z]{1,4}\)|[a-z]\))?\s*)"
ADDRESS, SELF, NOTING = "address", "self", "noting"


# Operative verbs ------------------------------------------------------
# (regex for the verb as printed, strength, mode). Third person for resolutions
# ("Urges"), base form for first-person declarations ("we urge").

_RESOLUTION_VERBS: list[tuple[str, str, str]] = [
    (r"decides", DECIDES, SELF),
    (r"resolves", DECIDES, SELF),
    (r"(?:reaffirms|reiterates|renews) its request to", DECIDES, ADDRESS),
    (r"requests", DECIDES, ADDRESS),
    (r"directs", DECIDES, ADDRESS),
    (r"mandates(?! of\b)", DECIDES, ADDRESS),  # "the mandates of" is a noun
    (r"(?:reaffirms|reiterates|renews) its (?:call|appeal) (?:up)?on", URGES, ADDRESS),
    (r"urges", URGES, ADDRESS),
    (r"calls (?:up)?on", URGES, ADDRESS),
    (r"demands that", URGES, ADDRESS),
    (r"(?:reaffirms|reiterates|renews) its invitation to", ENCOURAGES, ADDRESS),
    (r"encourages", ENCOURAGES, ADDRESS),
    (r"invites", ENCOURAGES, ADDRESS),
    (r"recommends", ENCOURAGES, ADDRESS),
    (r"appeals to", ENCOURAGES, ADDRESS),
    (r"welcomes", NOTES, NOTING),
    (r"takes note", NOTES, NOTING),
    (r"notes", NOTES, NOTING),
    (r"recalls", NOTES, NOTING),
    (r"reaffirms", NOTES, NOTING),
    (r"reiterates", NOTES, NOTING),
    (r"recognizes", NOTES, NOTING),
    (r"acknowledges", NOTES, NOTING),
    (r"stresses", NOTES, NOTING),
    (r"emphasizes", NOTES, NOTING),
    (r"underlines", NOTES, NOTING),
    (r"affirms", NOTES, NOTING),
    (r"expresses", NOTES, NOTING),
    (r"condemns", NOTES, NOTING),
    (r"deplores", NOTES, NOTING),
    (r"commends", NOTES, NOTING),
    (r"looks forward", NOTES, NOTING),
    (r"calls for", NOTES, NOTING),
    (r"adopts", NOTES, NOTING),
    (r"approves", NOTES, NOTING),
    (r"endorses", NOTES, NOTING),
    (r"considers", NOTES, NOTING),
    (r"declares", NOTES, NOTING),
    (r"is convinced", NOTES, NOTING),
]

_DECLARATION_VERBS: list[tuple[str, str, str]] = [
    # "our commitment to address ..." commits; "our commitments to the 2030 Agenda" (a noun)
    # reaffirms and asks nothing new.
    (r"(?:reaffirm|reiterate|renew) our (?:strong )?commitments? to(?! the\b)", DECIDES, SELF),
    (r"commit (?:ourselves )?to", DECIDES, SELF),
    (r"recommit (?:ourselves )?to", DECIDES, SELF),
    (r"resolve to", DECIDES, SELF),
    (r"undertake to", DECIDES, SELF),
    (r"pledge to", DECIDES, SELF),
    (r"will", DECIDES, SELF),
    (r"shall", DECIDES, SELF),
    (r"request", DECIDES, ADDRESS),
    (r"urge", URGES, ADDRESS),
    (r"call (?:up)?on", URGES, ADDRESS),
    (r"encourage", ENCOURAGES, ADDRESS),
    (r"invite", ENCOURAGES, ADDRESS),
    (r"recommend", ENCOURAGES, ADDRESS),
    (r"welcome", NOTES, NOTING),
    (r"take note", NOTES, NOTING),
    (r"note", NOTES, NOTING),
    (r"recall", NOTES, NOTING),
    (r"reaffirm", NOTES, NOTING),
    (r"reiterate", NOTES, NOTING),
    (r"recognize", NOTES, NOTING),
    (r"acknowledge", NOTES, NOTING),
    (r"stress", NOTES, NOTING),
    (r"emphasize", NOTES, NOTING),
    (r"underline", NOTES, NOTING),
    (r"affirm", NOTES, NOTING),
    (r"express", NOTES, NOTING),
    (r"condemn", NOTES, NOTING),
    (r"remain", NOTES, NOTING),
    (r"are (?:deeply |gravely )?(?:concerned|alarmed|convinced|determined)", NOTES, NOTING),
    (r"believe", NOTES, NOTING),
    (r"evince", NOTES, NOTING),
    (r"declare", NOTES, NOTING),
    (r"adopt", NOTES, NOTING),
]

# The Global Plan of Action's annex lists what "we" resolve to do as bare imperatives:
# "12. Address the social ... factors"; "30. Urge Governments to ...". At the start of a
# paragraph of a first-person text, these verbs commit the speaker ("we").
_IMPERATIVE_VERBS = (
    "make a commitment|take|address|adopt|ensure|provide|strengthen|conduct|develop|promote|"
    "implement|establish|reinforce|increase|mainstream|protect|review|investigate|conclude|"
    "intensify|enhance|support|make|combat|prevent|prosecute|encourage|consider|continue|"
    "improve|build|create|facilitate|foster|guarantee|invest|involve|raise|recruit|share|"
    "tackle|train|undertake|use|work|assist|cooperate|collect|contribute|designate|end|"
    "eliminate|eradicate|identify|integrate|monitor|observe|pursue|seek|step up|urge|request|"
    "call upon|invite|recommend"
)
_IMPERATIVE_RE = re.compile(
    rf"{_NUMBERING}(?P<adv>(?i:(?:consistently|strongly|further|also|and)\s+)*)"
    rf"(?P<verb>(?i:{_IMPERATIVE_VERBS}))\b(?!-)"
)

_ADVERBS = (
    r"(?i:(?:also|further|again|once again|strongly|therefore|thus|hereby|further|"
    r"in this regard|in this context|moreover|equally|firmly|fully|collectively)[\s,]+)*"
)


def _alternation(verbs: list[tuple[str, str, str]]) -> str:
    return "|".join(f"(?:{pattern})" for pattern, _, _ in verbs)


# A resolution verb opens the paragraph or follows ", ", "; ", ": " or " and ".
_RESOLUTION_RE = re.compile(
    rf"(?:{_NUMBERING}|(?<=[,;:])\s+(?:and\s+)?|\s+and\s+)"
    rf"(?P<adv>{_ADVERBS})(?P<verb>(?i:{_alternation(_RESOLUTION_VERBS)}))\b"
)
# A declaration verb follows "We"/"we" (and adverbs), or " and " later in a "we" sentence.
_DECLARATION_RE = re.compile(
    r"(?:\b(?P<we>[Ww]e)\s+|(?<=[,;])\s+(?:and\s+)?|\s+and\s+)"
    rf"(?P<adv>{_ADVERBS})(?P<verb>{_alternation(_DECLARATION_VERBS)})\b"
)

_FILLER = {
    "",
    "and",
    "or",
    "the",
    "all",
    "relevant",
    "other",
    "its",
    "their",
    "interested",
    "concerned",
    "also",
    "further",
    "strongly",
    "that",
    "as",
    "well",
    "in",
    "particular",
    "including",
    "especially",
    "both",
    "each",
    "respective",
    "appropriate",
    "competent",
    "national",
    "responsible",
    "members",
    "of",
}

_DEADLINE_RE = re.compile(
    r"\b(?:at|during|to) its [a-z]+(?:-[a-z]+)? (?:session|regular session)"
    r"|\b(?:by|before|in) (?:the end of )?(?:\d{1,2} )?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) )?(?:19|20)\d\d\b"
    r"|\bevery (?:two|three|four|five) years\b|\bbiennially\b|\bannually\b"
)
_LONGER_NAME_RE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_ACRONYM_RE = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*)\)")


# Data in ------------------------------------------------------


@dataclass(frozen=True)
class ActorName:
    """One name of one actor, as the catalogue holds it."""

    slug: str
    text: str
    back_reference: bool = False


@dataclass(frozen=True)
class Rule:
    """A phrase (case-insensitive, whole words) or regex pattern giving a type."""

    ctype: str
    text: str
    kind: str = "phrase"

    def compile(self) -> re.Pattern:
        if self.kind == "pattern":
            return re.compile(self.text, re.IGNORECASE)
        words = r"\s+".join(re.escape(w) for w in self.text.split())
        return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE)


@dataclass
class Catalogue:
    names: Sequence[ActorName]
    rules: Sequence[Rule] = ()

    @cached_property
    def _direct(self) -> dict[str, str]:
        return {n.text: n.slug for n in self.names if not n.back_reference}

    @cached_property
    def _back(self) -> dict[str, list[str]]:
        back: dict[str, list[str]] = {}
        for n in self.names:
            if n.back_reference:
                back.setdefault(n.text, []).append(n.slug)
        return back

    @cached_property
    def direct_re(self) -> re.Pattern:
        return _names_regex(self._direct)

    @cached_property
    def back_re(self) -> re.Pattern:
        return _names_regex(self._back)

    @cached_property
    def compiled_rules(self) -> list[tuple[str, re.Pattern]]:
        return [(rule.ctype, rule.compile()) for rule in self.rules]

    def lookup(self, printed: str) -> tuple[str | None, list[str]]:
        """(slug, []) for a direct name, (None, candidates) for a back-reference."""
        key = _canonical_key(printed, self._direct) or _canonical_key(printed, self._back)
        if key in self._direct:
            return self._direct[key], []
        return None, self._back.get(key, [])

    def types_for(self, clause: str) -> tuple[str, ...]:
        # Blanked actor names leave runs of spaces: "keep Member States informed" must still
        # match a rule written "keep (?:Member States )?informed".
        clause = " ".join(clause.split())
        return tuple(sorted({ctype for ctype, rx in self.compiled_rules if rx.search(clause)}))


def _names_regex(names: Iterable[str]) -> re.Pattern:
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        first, rest = name[0], name[1:]
        head = f"[{first.upper()}{first.lower()}]" if first.isalpha() else re.escape(first)
        body = r"\s+".join(re.escape(w) for w in rest.split(" "))
        parts.append(head + body)
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def _canonical_key(printed: str, table: dict) -> str | None:
    printed = " ".join(printed.split())
    if printed in table:
        return printed
    flipped = printed[0].swapcase() + printed[1:]
    return flipped if flipped in table else None


# Results out ------------------------------------------------------


@dataclass(frozen=True)
class ActorMatch:
    slug: str
    start: int
    end: int
    printed: str


@dataclass(frozen=True)
class Clause:
    verb: str  # as printed, lower-case, adverbs dropped: "calls upon", "commit"
    strength: str
    mode: str
    start: int  # where the verb starts
    end: int  # where the clause ends
    verb_end: int


@dataclass(frozen=True)
class Suggestion:
    """One commitment: `actor` asked (or committing) by `verb` in text[start:end]."""

    actor: str
    verb: str
    strength: str
    start: int
    end: int
    types: tuple[str, ...] = ()
    deadline: str = ""
    continued: bool = False  # the clause ends the paragraph with ":"; sub-paragraphs go on


@dataclass
class Extraction:
    commitments: list[Suggestion] = field(default_factory=list)
    mentions: list[ActorMatch] = field(default_factory=list)
    actors: list[ActorMatch] = field(default_factory=list)  # every actor found, in order
    acronyms: dict[str, str] = field(default_factory=dict)  # learned "(UN-Women)" names

    @property
    def addressees(self) -> list[str]:
        return _unique(c.actor for c in self.commitments)

    @property
    def open_ended(self) -> list[Suggestion]:
        """Commitments whose clause ends the paragraph with ":": sub-paragraphs continue it."""
        return [c for c in self.commitments if c.continued]


# The extraction ------------------------------------------------------


def find_actors(
    text: str,
    catalogue: Catalogue,
    *,
    context: Sequence[str] = (),
    acronyms: dict[str, str] | None = None,
) -> tuple[list[ActorMatch], dict[str, str]]:
    """Actors named in `text`, in order, and the acronyms learned from parentheses."""
    learned = dict(acronyms or {})
    matches = _scan(text, catalogue, context, learned)
    fresh = {}
    for m in matches:
        acr = _ACRONYM_RE.match(text, m.end)
        if acr and acr["acr"] not in learned and catalogue.lookup(acr["acr"])[0] is None:
            fresh[acr["acr"]] = m.slug
    if fresh:
        learned.update(fresh)
        matches = _scan(text, catalogue, context, learned)
    return matches, learned


def _scan(text, catalogue, context, learned) -> list[ActorMatch]:
    found: list[ActorMatch] = []
    taken: list[tuple[int, int]] = []
    for m in catalogue.direct_re.finditer(text):
        slug, _ = catalogue.lookup(m.group())
        if slug:
            found.append(ActorMatch(slug, m.start(), m.end(), m.group()))
            taken.append((m.start(), m.end()))
    # A back-reference never overlaps a full name: in "the Special Rapporteur on
    # trafficking in persons", "the Special Rapporteur" is not a back-reference.
    for m in catalogue.back_re.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        # "the Council of the Baltic Sea States" is another body's name, not a back-reference.
        if _LONGER_NAME_RE.match(text, m.end()):
            continue
        _, candidates = catalogue.lookup(m.group())
        earlier = sorted((f for f in found if f.start < m.start()), key=lambda f: f.start)
        slug = _resolve(candidates, earlier, context)
        if slug:
            found.append(ActorMatch(slug, m.start(), m.end(), m.group()))
            taken.append((m.start(), m.end()))
    for acr, slug in learned.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text):
            if not any(s <= m.start() < e for s, e in taken):
                found.append(ActorMatch(slug, m.start(), m.end(), m.group()))
    found.sort(key=lambda a: a.start)
    # "... Women (UN-Women)": the acronym repeats the name it follows; one match, not two.
    kept: list[ActorMatch] = []
    for m in found:
        prev = kept[-1] if kept else None
        if prev and prev.slug == m.slug and _ACRONYM_RE.fullmatch(text, prev.end, m.end + 1):
            continue
        kept.append(m)
    return kept


def _resolve(candidates: list[str], found: list[ActorMatch], context: Sequence[str]):
    for match in reversed(found):
        if match.slug in candidates:
            return match.slug
    for slug in reversed(context):
        if slug in candidates:
            return slug
    return None


def split_clauses(text: str, *, first_person: bool = False) -> list[Clause]:
    """Clauses at each operative verb, in order; a clause runs to the next verb."""
    verbs = _DECLARATION_VERBS if first_person else _RESOLUTION_VERBS
    pattern = _DECLARATION_RE if first_person else _RESOLUTION_RE
    hits = []
    in_we_sentence = False
    last_end = 0
    for m in pattern.finditer(text):
        if first_person:
            # " and urge" only continues a sentence whose subject is "we".
            sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("; ", 0, m.start()))
            if m.group("we"):
                in_we_sentence = True
            elif not in_we_sentence or sentence_start > last_end:
                continue
            last_end = m.end()
        printed = m.group("verb")
        strength, mode = _classify(printed, verbs)
        hits.append((m.start("verb"), m.end("verb"), printed, strength, mode))
    clauses = []
    for i, (start, verb_end, printed, strength, mode) in enumerate(hits):
        end = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        verb = " ".join(printed.lower().split())
        clauses.append(Clause(verb, strength, mode, start, end, verb_end))
    return clauses


def _imperative_clauses(text: str) -> list[Clause]:
    """A paragraph opening with a bare verb in a first-person text ("Address the ...")."""
    m = _IMPERATIVE_RE.match(text)
    if not m or not m.group("verb")[0].isupper() and not m.group("adv"):
        return []
    verb = " ".join(m.group("verb").lower().split())
    strength, mode = _classify(verb, _DECLARATION_VERBS)
    if mode == NOTING:
        strength, mode = DECIDES, SELF
    clauses = [Clause(verb, strength, mode, m.start("verb"), len(text), m.end("verb"))]
    rest = split_clauses(text[m.end() :], first_person=False)
    return (
        clauses
        if not rest
        else clauses[:0]
        or [Clause(verb, strength, mode, m.start("verb"), m.end() + rest[0].start, m.end("verb"))]
    )


def _classify(printed: str, verbs: list[tuple[str, str, str]]) -> tuple[str, str]:
    for pattern, strength, mode in verbs:
        if re.fullmatch(pattern, printed, re.IGNORECASE):
            return strength, mode
    return NOTES, NOTING


def extract(
    text: str,
    catalogue: Catalogue,
    *,
    speaker: str | None = None,
    we: str | None = "member-states",
    context: Sequence[str] = (),
    acronyms: dict[str, str] | None = None,
    inherit: Sequence[Suggestion] = (),
    operative: bool = True,
) -> Extraction:
    """Commitments and mentions of one paragraph.

    speaker: the actor whose resolution this is ("general-assembly"), for "Decides".
    we: who "we" are in a declaration (States Members of the United Nations).
    context: slugs of actors named earlier in the document, oldest first.
    inherit: the open-ended commitments of the parent paragraph ("Requests the Office:"),
        which a sub-paragraph continues when it has no verb of its own.
    operative: False for preambular paragraphs, which never ask anything.
    """
    actors, learned = find_actors(text, catalogue, context=context, acronyms=acronyms)
    result = Extraction(actors=actors, acronyms=learned)
    clauses = []
    imperative = False
    if operative:
        clauses = split_clauses(text, first_person=False)
        if we and re.search(r"\b[Ww]e\b", text):
            first = split_clauses(text, first_person=True)
            if first and (not clauses or first[0].start < clauses[0].start):
                clauses = first
        if we and not clauses:
            clauses = _imperative_clauses(text)
            imperative = bool(clauses)
    addressed: set[int] = set()  # indexes into `actors`
    # Types come from what is asked, not from who is named: "the Special Rapporteur on the
    # sale of children" does not make a clause about children.
    masked = _mask(text, actors)
    for clause in clauses:
        end = _trim(text, clause.end)
        if clause.mode == NOTING:
            continue
        if clause.mode == SELF:
            actor = speaker if clause.verb in _RESOLUTION_SELF else we
            if actor:
                result.commitments.append(_suggest(masked, catalogue, actor, clause, end))
            continue
        chosen = _addressees(text, actors, clause)
        if imperative and not chosen and we and not _NAMES_SOMEONE_RE.match(text, clause.verb_end):
            # "Encourage effective cooperation ..." in the Plan of Action: nobody is named,
            # the speakers ("we") commit to encourage it.
            result.commitments.append(_suggest(masked, catalogue, we, clause, end))
        for index in chosen:
            addressed.add(index)
            result.commitments.append(_suggest(masked, catalogue, actors[index].slug, clause, end))
    if operative and not clauses and inherit:
        for parent in inherit:
            result.commitments.append(
                Suggestion(
                    actor=parent.actor,
                    verb=parent.verb,
                    strength=parent.strength,
                    start=0,
                    end=len(text),
                    types=catalogue.types_for(masked),
                    deadline=_deadline(text),
                )
            )
    committed = {c.actor for c in result.commitments}
    seen = set()
    for i, match in enumerate(actors):
        if i in addressed or match.slug in committed or match.slug in seen:
            continue
        seen.add(match.slug)
        result.mentions.append(match)
    result.commitments = _dedupe(result.commitments)
    return result


_RESOLUTION_SELF = {"decides", "resolves"}
# "Encourage the United Nations to ...": someone the catalogue does not know is addressed.
_NAMES_SOMEONE_RE = re.compile(r"\s+(?:the|all|relevant|other)\b", re.IGNORECASE)


def _mask(text: str, actors: list[ActorMatch]) -> str:
    chars = list(text)
    for a in actors:
        chars[a.start : a.end] = " " * (a.end - a.start)
    return "".join(chars)


def _suggest(text, catalogue, actor, clause: Clause, end: int) -> Suggestion:
    span = text[clause.start : end]
    open_ended = text.rstrip().endswith(":") and end >= len(text.rstrip()) - 1
    return Suggestion(
        actor=actor,
        verb=clause.verb,
        strength=clause.strength,
        start=clause.start,
        end=end,
        types=catalogue.types_for(span),
        deadline=_deadline(span),
        continued=open_ended,
    )


def _trim(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " ,;":
        end -= 1
    if end > 4 and text[end - 4 : end] == " and":
        end -= 4
        while end > 0 and text[end - 1] in " ,;":
            end -= 1
    return end


_ASIDE_RE = re.compile(
    r",\s+(?:in its capacity as|as(?! well as)|"
    r"in (?:close )?(?:cooperation|consultation|collaboration) with|within|"
    r"especially those|where appropriate|as appropriate|upon request)\b[^,;:]*,"
)


def _addressees(text: str, actors: list[ActorMatch], clause: Clause) -> list[int]:
    """Indexes of the actors the verb addresses: a run of actors right after the verb.

    An aside between commas (", as coordinator of the Coordination Group,", ", in close
    cooperation with Member States,") neither ends the run nor adds its actors.
    """
    asides = [m.span() for m in _ASIDE_RE.finditer(text, clause.verb_end, clause.end)]
    chosen: list[int] = []
    cursor = clause.verb_end
    for i, match in enumerate(actors):
        if match.start < clause.verb_end or match.start >= clause.end:
            continue
        if any(s <= match.start < e for s, e in asides):
            continue
        gap = text[cursor : match.start]
        for s, e in reversed(asides):
            if cursor <= s and e <= match.start:
                gap = gap[: s - cursor] + "," + gap[e - cursor :]
        if not _is_filler(gap):
            break
        chosen.append(i)
        cursor = match.end
    return chosen


def _is_filler(gap: str) -> bool:
    words = re.split(r"[\s,]+", gap.strip().strip(",").strip())
    return all(w.lower() in _FILLER for w in words)


def _deadline(span: str) -> str:
    m = _DEADLINE_RE.search(span)
    return m.group() if m else ""


def _dedupe(items: list[Suggestion]) -> list[Suggestion]:
    seen, out = set(), []
    for item in items:
        key = (item.actor, item.verb, item.start)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return list(seen)
