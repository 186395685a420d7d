"""Recognise the opening words ("lead") that carry a UN paragraph's force.

Pure functions over plain text. The vocabulary is data, not code: UN drafting uses a
small, stable set of openings (participles and adjectives for preambular paragraphs,
present-tense verbs for operative ones, "We" + verb in declarations, bare verbs in
plans of action), and a generic morphological fallback catches the rest.
"""

from __future__ import annotations

import re

# Adverbs that may precede the verb or participle ("Strongly urges", "Deeply concerned").
ADVERBS = frozenset(
    """also further again once strongly deeply gravely seriously profoundly fully firmly
    urgently earnestly emphatically warmly sincerely duly consistently repeatedly
    particularly especially increasingly greatly highly""".split()
)

# Preambular openings: participles and adjectives (lower case).
PREAMBULAR_WORDS = frozenset(
    """acknowledging affirming alarmed appreciating aware bearing believing cognizant
    commending concerned condemning conscious considering convinced deploring desiring
    desirous determined disturbed emphasizing encouraged endorsing expressing guided
    having highlighting keeping mindful noting observing outraged pleased reaffirming
    realizing recalling recognizing recognising referring regretting reiterating
    resolved seeking stressing taking underlining underscoring welcoming acting
    anticipating appalled confident deeply gravely emphasising noting satisfied
    troubled upholding viewing wishing""".split()
)

# Words that complete a preambular lead ("Recalling also", "Taking note with appreciation").
PREAMBULAR_COMPLEMENTS = (
    "note with deep appreciation",
    "note with appreciation",
    "note with satisfaction",
    "note with concern",
    "note with interest",
    "note also",
    "note further",
    "note",
    "with deep concern",
    "with grave concern",
    "with appreciation",
    "with concern",
    "with satisfaction",
    "with interest",
    "in mind",
    "into account",
    "into consideration",
    "also",
    "further",
    "moreover",
)

# Operative verbs (third person singular, lower case). The generic fallback accepts
# any capitalised word ending in "s" that is not in NOT_VERBS.
OPERATIVE_WORDS = frozenset(
    """accepts acknowledges adopts affirms agrees appeals appreciates approves
    authorizes calls commends commits condemns confirms considers decides declares
    demands deplores designates directs draws emphasizes encourages endorses
    establishes expresses extends invites looks notes pays proclaims reaffirms
    recalls recognizes recommends regrets reiterates renews reminds requests resolves
    stresses strongly supports takes transmits underlines underscores urges welcomes
    highlights insists""".split()
)

OPERATIVE_COMPLEMENTS = (
    "note with deep appreciation",
    "note with appreciation",
    "note with satisfaction",
    "note with concern",
    "note with interest",
    "note also",
    "note further",
    "note",
    "solidarity with and compassion for",
    "its deep appreciation",
    "its appreciation",
    "deep appreciation",
    "appreciation",
    "grave concern",
    "deep concern",
    "serious concern",
    "concern",
    "support",
    "upon",
    "on",
    "for",
    "in mind",
    "into account",
    "attention",
    "tribute",
    "forward",
)

# Capitalised words ending in "s" or "ing" that open sentences but are not leads.
NOT_VERBS = frozenset(
    """this its his has was is as thus various us trafficking building meeting
    funding training planning spring nothing something during king wing bearings
    resolutions nations states parties members persons plus business""".split()
)

# Participles whose lead includes "by": "Guided by", "Encouraged by".
BY_PARTICIPLES = frozenset("guided inspired encouraged motivated".split())

MODALS = frozenset("will shall must should can may".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def _words(text: str, limit: int = 12) -> list[str]:
    return _WORD.findall(text[:200])[:limit]


def _take_complement(rest: str, complements: tuple[str, ...]) -> str:
    """Return the longest complement that `rest` (lower case) starts with, as printed."""
    for complement in complements:
        if rest.lower().startswith(complement) and (
            len(rest) == len(complement) or not rest[len(complement)].isalpha()
        ):
            return rest[: len(complement)]
    return ""


def _lead_after(text: str, head_len: int, complements: tuple[str, ...]) -> str:
    head = text[:head_len]
    rest = text[head_len:].lstrip()
    complement = _take_complement(rest, complements)
    if complement:
        # Allow "Taking note also" / "Recalling also" chains of complements.
        head = f"{head} {complement}"
        rest2 = rest[len(complement) :].lstrip()
        more = _take_complement(rest2, ("also", "further", "with appreciation", "with concern"))
        if more and complement not in ("also", "further"):
            head = f"{head} {more}"
    return head


def _adverb_prefix(text: str) -> int:
    """Length of a leading run of adverbs: "Strongly", "Consistently and strongly"."""
    pos = 0
    pattern = re.compile(r"([A-Za-z]+)(\s+and\s+|\s+)")
    while True:
        m = pattern.match(text, pos)
        if not m:
            return pos
        word = m.group(1).lower()
        if word in ADVERBS or (word.endswith("ly") and len(word) > 4 and word != "only"):
            pos = m.end()
            continue
        return pos


def is_preambular_word(word: str) -> bool:
    w = word.lower()
    if w in NOT_VERBS:
        return False
    return w in PREAMBULAR_WORDS


def is_operative_word(word: str) -> bool:
    w = word.lower()
    if w in NOT_VERBS or len(w) < 4:
        return False
    return w in OPERATIVE_WORDS or (w.endswith("s") and not w.endswith("ss"))


def preambular_lead(text: str) -> str:
    """ "Recalling also", "Deeply concerned", "Taking note with appreciation" or ""."""
    if not text[:1].isupper():
        return ""
    start = _adverb_prefix(text)
    m = _WORD.match(text, start)
    if not m:
        return ""
    word = m.group(0)
    generic = (
        word.lower().endswith(("ing", "ed"))
        and word.lower() not in NOT_VERBS
        and len(word) > 4
        and re.match(
            r"\s+(its|the|that|also|further|with|in|of|all|a|an|to|our|by|note)\b", text[m.end() :]
        )
    )
    if not (is_preambular_word(word) or generic):
        return ""
    if word.lower() in BY_PARTICIPLES and re.match(r"\s+by\b", text[m.end() :]):
        return text[: m.end()] + " by"
    if word.lower() == "having":
        nxt = re.match(r"\s+(?:also\s+)?[a-z]+", text[m.end() :])
        return text[: m.end() + nxt.end()] if nxt else word
    return _lead_after(text, m.end(), PREAMBULAR_COMPLEMENTS)


def operative_lead(text: str) -> str:
    """ "Urges", "Strongly urges", "Calls upon", "Takes note with appreciation" or ""."""
    if not text[:1].isupper():
        return ""
    start = _adverb_prefix(text)
    m = _WORD.match(text, start)
    if not m or not is_operative_word(m.group(0)):
        return ""
    return _lead_after(text, m.end(), OPERATIVE_COMPLEMENTS)


def declaration_lead(text: str) -> str:
    """ "We commit", "We will", "We also reaffirm", "We, the States Members ..., reaffirm"."""
    m = re.match(r"We\b(,[^,]{1,120},)?\s+", text)
    if not m:
        return ""
    rest = text[m.end() :]
    adverbs = _adverb_prefix(rest)
    words = re.match(r"([a-z]+)(?:\s+and\s+([a-z]+))?", rest[adverbs:])
    if not words:
        return ""
    verb = words.group(1)
    if verb in MODALS:
        return text[: m.end() + adverbs + len(verb)]
    if verb in ("are", "am", "remain"):
        tail = re.match(r"[a-z]+(?:\s+[a-z]+ly)?\s+[a-z]+(?:ed)?\b", rest[adverbs:])
        return text[: m.end() + adverbs + (tail.end() if tail else len(verb))]
    end = m.end() + adverbs + (words.end() if words.group(2) else len(verb))
    lead = text[:end]
    after = text[end:].lstrip()
    complement = _take_complement(after, ("with concern", "with appreciation", "upon"))
    return f"{lead} {complement}" if complement else lead


def imperative_lead(text: str) -> str:
    """Plan-of-action paragraphs that continue a chapeau: "Recognize", "Strongly urge"."""
    if not text[:1].isupper():
        return ""
    start = _adverb_prefix(text)
    m = re.match(r"[A-Za-z][a-z]+\b", text[start:])
    if not m:
        return ""
    word = m.group(0).lower()
    third_person = word.endswith("s") and not word.endswith(("ss", "us"))  # not "Address"
    if third_person or word.endswith(("ing", "ed")) or word in NOT_VERBS or len(word) < 3:
        return ""
    end = start + m.end()
    complement = _take_complement(text[end:].lstrip(), ("into account", "note of", "note"))
    return f"{text[:end]} {complement}" if complement else text[:end]


def find_lead(text: str, kind: str) -> str:
    """The lead of a paragraph of the given vocabulary.Kind value ("" if none)."""
    if kind == "preambular":
        return preambular_lead(text)
    if kind == "operative":
        return operative_lead(text) or declaration_lead(text)
    if kind in ("annex", "subparagraph"):
        return (
            declaration_lead(text)
            or operative_lead(text)
            or (imperative_lead(text) if kind == "annex" else "")
        )
    return ""
