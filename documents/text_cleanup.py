"""Turn raw extracted text into clean body lines and footnotes.

Two input forms are handled (see fixtures/corpus/MANIFEST.md):
- "unwrapped" text with Markdown residue: one paragraph per line, `*italics*`,
  `<sup>3</sup>` or Unicode superscript footnote markers, footnote lines interleaved;
- "wrapped" raw pdftotext output: hard-wrapped lines, form feeds between pages,
  running headers and footers, footnote blocks under a `____` rule.

Footnote markers are replaced by the sentinel ⟦n⟧ so that later stages can attach
them to paragraphs and then remove them. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

MARK = "\u27e6{}\u27e7"
MARK_RE = re.compile(r"\s?\u27e6(\d+)\u27e7")

SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                "⁷": "7", "⁸": "8", "⁹": "9"}  # fmt: skip
_SUP_RUN = re.compile("[" + "".join(SUPERSCRIPTS) + "]+")

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_RE = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b")

# Page furniture: whole lines that are never text.
_FURNITURE = [
    re.compile(r"^\d{2}-\d{5}(\s*\([A-Z]\))?$"),  # job number "17-17057 (E)"
    re.compile(r"^\*\d{6,}\*$"),  # barcode "*1717057*"
    re.compile(r"^Please\s+rec\s?\w*\s*\w*$", re.I),  # "Please recycle", "Please rec cle"
    re.compile(r"^[♲♻]$"),
    re.compile(r"^\d{1,3}/\d{1,3}$"),  # page counter "2/7"
    re.compile(r"^\d{1,3}[FH]$"),  # Word footnote artefacts "0F", "12F", "3H"
    re.compile(r"^-{3,}$|^\*{3,}$"),  # Markdown rules
]
_DATE_CODE = re.compile(r"^\d{6}$")  # "121017" under the job number
_SYMBOL_LINE = re.compile(r"^(?:United Nations\s+)?[AES](?:/[A-Z0-9.\-]+)+(?:\s\(\d{4}\))?$")
_RULE = re.compile(r"^_{5,}\s*$")
_BARE_INT = re.compile(r"^(\d{1,3})$")


@dataclass
class Source:
    """The text split into lines of body text and lifted-out footnotes."""

    lines: list[str]
    footnotes: dict[int, str] = field(default_factory=dict)
    wrapped: bool = False
    italic_leads: dict[int, str] = field(default_factory=dict)  # line index -> italic run
    warnings: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\u00a0\u2007\u202f\t]", " ", text)
    return re.sub("[\u200b\u200c\u200d\u00ad]", "", text)


def is_wrapped(text: str) -> bool:
    """True for hard-wrapped pdftotext output, False for one-paragraph-per-line text."""
    if "\f" in text:
        return True
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return False
    long_lines = sum(len(ln) > 150 for ln in lines)
    return long_lines / len(lines) < 0.1 and len(lines) > 30


def is_furniture(line: str) -> bool:
    return any(p.match(line) for p in _FURNITURE)


# --- Markdown residue ------------------------------------------------------------------


def _italic_lead(line: str) -> str:
    body = re.sub(r"^(\d{1,3}\.|\([a-z]{1,4}\))\s+", "", line)
    m = re.match(r"\*{1,2}([^*]{1,80}?)\*{1,2}(?!\*)", body)
    if not m:
        return ""
    run = m.group(1).strip().rstrip(",")
    rest = body[m.end() :].strip()
    if not rest or len(run.split()) > 8:
        return ""  # the whole paragraph is italic: no lead information
    return run


def clean_markup(line: str) -> str:
    s = line.rstrip()
    s = re.sub(r"^\s*#{1,6}\s+", "", s)
    s = re.sub(r"^\s*[-•]\s+(?=\d{1,3}\.|\([a-z]{1,4}\))", "", s)
    s = re.sub(r"<sup>\s*(\d+)\s*</sup>", lambda m: MARK.format(m.group(1)), s)
    s = _SUP_RUN.sub(lambda m: MARK.format("".join(SUPERSCRIPTS[c] for c in m.group(0))), s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"</?[a-zA-Z][^>]*>", "", s)
    s = s.replace("**", "").replace("*", "")
    return s.strip()


def split_unwrapped(text: str) -> Source:
    lines: list[str] = []
    italics: dict[int, str] = {}
    footnotes: dict[int, str] = {}
    for raw in text.split("\n"):
        if not raw.strip() or is_furniture(raw.strip()):
            continue
        italic = _italic_lead(raw.strip().lstrip("-# ").strip())
        line = clean_markup(raw)
        if not line:
            continue
        note = re.match(r"^\u27e6(\d+)\u27e7\s*(\S.*)$", line)
        if note:
            footnotes[int(note.group(1))] = finish_text(note.group(2))
            continue
        if italic:
            italics[len(lines)] = italic
        lines.append(line)
    return Source(lines=lines, footnotes=footnotes, italic_leads=italics)


# --- pdftotext pages --------------------------------------------------------------------


def _strip_page_edges(lines: list[str], page_no: int, first_page_text: str) -> list[str]:
    """Remove running headers at the top and footers at the bottom of a page."""
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    drop: set[int] = set()

    def edge_furniture(s: str, top: bool) -> bool:
        if is_furniture(s) or _DATE_CODE.match(s):
            return True
        if _BARE_INT.match(s) and int(s) == page_no:
            return True
        if page_no > 1 and top:
            if _SYMBOL_LINE.match(s):
                return True
            if len(s) >= 15 and s in first_page_text:
                return True
        return False

    for i in idx[:5]:
        if edge_furniture(lines[i].strip(), top=True):
            drop.add(i)
        else:
            break
    for i in reversed(idx[-5:]):
        if edge_furniture(lines[i].strip(), top=False):
            drop.add(i)
        else:
            break
    return [ln for i, ln in enumerate(lines) if i not in drop]


def _footnote_texts(lines: list[str]) -> list[str]:
    """Group the text lines of a footnote block into one string per footnote."""
    texts: list[str] = []
    for line in lines:
        continues = texts and (not re.search(r"[.)]$", texts[-1]) or re.match(r"^[a-z(]", line))
        if continues:
            texts[-1] = f"{texts[-1]} {line}"
        else:
            texts.append(line)
    return texts


def _read_footnote_block(
    lines: list[str], page_no: int, last_number: int, warnings: list[str]
) -> dict[int, str]:
    numbers: list[int] = []
    text_lines: list[str] = []
    for raw in lines:
        s = raw.strip()
        if not s or is_furniture(s) or _DATE_CODE.match(s):
            continue
        if _BARE_INT.match(s):
            numbers.append(int(s))
            continue
        inline = re.match(r"^(\d{1,3})\s+([A-Z].*)$", s)
        if inline:
            numbers.append(int(inline.group(1)))
            s = inline.group(2)
        text_lines.append(s)
    texts = _footnote_texts(text_lines)
    if not texts:
        return {}
    expected = list(range(last_number + 1, last_number + 1 + len(texts)))
    found = sorted(set(numbers))
    if set(expected) <= set(found):
        chosen = expected
    elif len(found) == len(texts):
        chosen = found
    else:
        chosen = expected
        warnings.append(
            f"Page {page_no}: footnote numbers {found} do not match {len(texts)} footnote "
            f"texts; numbered them {expected[0]}–{expected[-1]}."
        )
    # pdftotext prints the numbers of a block in any order but the texts in order.
    return {n: finish_text(t) for n, t in zip(chosen, texts, strict=False)}


def split_wrapped(text: str) -> Source:
    pages = text.split("\f")
    warnings: list[str] = []
    first_lines = [ln.strip() for ln in pages[0].split("\n") if ln.strip()]
    first_page_text = " ".join(first_lines[:40])
    body: list[str] = []
    footnotes: dict[int, str] = {}
    for page_no, page in enumerate(pages, start=1):
        lines = _strip_page_edges(page.split("\n"), page_no, first_page_text)
        rule = next((i for i, ln in enumerate(lines) if _RULE.match(ln.strip())), None)
        if rule is not None:
            notes = _read_footnote_block(
                lines[rule + 1 :], page_no, max(footnotes, default=0), warnings
            )
            footnotes.update(notes)
            lines = lines[:rule]
        for ln in lines:
            s = ln.strip()
            if s and not is_furniture(s):
                body.append(s)
    body = _move_misplaced_numbers(body)
    return Source(lines=body, footnotes=footnotes, wrapped=True, warnings=warnings)


def ends_clause(line: str) -> bool:
    s = re.sub(r"\s\d{1,3}$", "", line.rstrip())  # a trailing footnote marker
    s = s.rstrip('”’")]*')
    return bool(s) and s[-1] in ",;:."


def _move_misplaced_numbers(lines: list[str]) -> list[str]:
    """Fix pdftotext putting a paragraph number after the paragraph's first line.

    "Adopts the present resolution ... Global / 1. / Plan of Action" becomes
    "1. / Adopts the present resolution ... Global / Plan of Action".
    """
    from .leads import OPERATIVE_WORDS

    out = list(lines)
    for i in range(2, len(out)):
        if not re.fullmatch(r"\d{1,3}\.", out[i]):
            continue
        first = out[i - 1]
        word = first.split(" ", 1)[0].lower()
        if (
            word in OPERATIVE_WORDS
            and not ends_clause(first)
            and ends_clause(out[i - 2])
            and i + 1 < len(out)
        ):
            out[i - 1], out[i] = out[i], out[i - 1]
    return out


def split_source(text: str) -> Source:
    text = normalise(text)
    return split_wrapped(text) if is_wrapped(text) else split_unwrapped(text)


# --- Footnote markers in wrapped text --------------------------------------------------

_NOT_BEFORE_MARKER = frozenset(
    """on of from to and or the a an in at by for with between than about over under
    no no. vol. vol para. paras. paragraph paragraphs article articles chapter chap.
    resolution resolutions decision decisions item items session annex sect. section
    supplement rule rules goal goals target targets principle principles protocol
    page pages number numbers table figure some all only least approximately nearly
    around per cent ages age aged""".split()
)
_NOT_AFTER_MARKER = re.compile(
    rf"^(?:{MONTHS}|per\b|%|years?\b|days?\b|months?\b|weeks?\b|hours?\b|times\b|"
    r"million|billion|and \d|to \d|or \d|-|–|\d)"
)


def mark_wrapped_footnotes(text: str, numbers: set[int], state: dict) -> str:
    """Replace footnote markers printed as plain digits by ⟦n⟧ sentinels.

    pdftotext prints superscript markers as ordinary numbers, either spaced
    ("Crime, 5 the Protocol") or attached ("Crime3 and", "Slavery,5 the"). A number is
    taken as a marker only if the document has that footnote and the words around it
    are not those of a date, a quantity or a cross-reference. `state["max"]` keeps
    the highest marker seen, since first citations come in increasing order.
    """
    if not numbers:
        return text

    def accept(n: int, before: str, after: str) -> bool:
        if n not in numbers or n > state["max"] + 3:
            return False
        prev = before.split()[-1].lower() if before.split() else ""
        if prev in _NOT_BEFORE_MARKER or re.fullmatch(r"[\d/.]+", prev):
            return False
        if _NOT_AFTER_MARKER.match(after.lstrip()):
            return False
        state["max"] = max(state["max"], n)
        return True

    out: list[str] = []
    pos = 0
    pattern = re.compile(
        r"(?<=[A-Za-z)”’\]])([,;:.]?)(\d{1,3})(?=[\s,;:.)]|$)"  # attached: "Crime3", ",4"
        r"|(?<=[A-Za-z,;:.)”’\]]) (\d{1,3})(?=\s|$)"  # spaced: "Crime, 5 the"
    )
    for m in pattern.finditer(text):
        digits = m.group(2) or m.group(3)
        if not accept(int(digits), text[: m.start()], text[m.end() :]):
            continue
        punct = m.group(1) or ""
        out.append(text[pos : m.start()] + punct + MARK.format(digits))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def take_markers(text: str) -> tuple[str, list[int]]:
    """Remove ⟦n⟧ sentinels, returning the text and the footnote numbers in order."""
    numbers: list[int] = []
    for m in MARK_RE.finditer(text):
        n = int(m.group(1))
        if n not in numbers:
            numbers.append(n)
    return MARK_RE.sub("", text), numbers


# --- Final text repair ------------------------------------------------------------------


def finish_text(text: str) -> str:
    """Collapse whitespace and repair spacing artefacts that are never real text."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(\w) -(?=[A-Za-z])", r"\1-", text)  # "Secretary -General"
    text = re.sub(r" ([,;:.)])", r"\1", text)  # space before punctuation
    text = re.sub(r"\( ", "(", text)
    return text


_SUFFIXES = ("ing", "ed", "s", "es", "ly", "tion", "ions", "ion", "al", "ment", "ments")


@dataclass
class Vocabulary:
    """Word and adjacent-word-pair counts of a whole document (lower case)."""

    words: Counter
    pairs: Counter

    def __getitem__(self, word: str) -> int:
        return self.words[word]


def vocabulary(text: str) -> Vocabulary:
    tokens = re.findall(r"[A-Za-z]+|[^\sA-Za-z]", text)
    lower = [t.lower() for t in tokens]
    pairs = Counter(
        (a, b) for a, b in zip(lower, lower[1:], strict=False) if a.isalpha() and b.isalpha()
    )
    return Vocabulary(Counter(t for t in lower if t.isalpha()), pairs)


def repair_split_words(text: str, vocab: Vocabulary) -> str:
    """Join words that pdftotext split with a space ("freedo ms", "Conven tion").

    A pair is joined only if the joined form is a word found elsewhere in the document
    (or, when neither half is used elsewhere as a word, its stem is), and not both
    halves are words used elsewhere in the document: "in to" stays as it is.
    """

    def joinable(a: str, b: str) -> bool:
        la, lb = a.lower(), b.lower()
        together = vocab.pairs[(la, lb)]
        a_word = vocab.words[la] - together > 0 or la in ("a", "i")
        b_word = vocab.words[lb] - together > 0
        if a_word and b_word:
            return False
        joined = la + lb
        if vocab.words[joined] > 0:
            return True
        if a_word or b_word:
            return False
        return any(
            joined.endswith(sfx) and vocab.words[joined[: -len(sfx)]] > 0 for sfx in _SUFFIXES
        )

    parts = re.split(r"(\s+)", text)
    out: list[str] = []
    i = 0
    while i < len(parts):
        word = parts[i]
        if (
            i + 2 < len(parts)
            and parts[i + 1] == " "
            and re.fullmatch(r"[A-Za-z]+", word)
            and re.fullmatch(r"[a-z]+", re.sub(r"[,;:.)]+$", "", parts[i + 2]))
            and joinable(word, re.sub(r"[,;:.)]+$", "", parts[i + 2]))
        ):
            out.append(word + parts[i + 2])
            i += 3
            continue
        out.append(word)
        i += 1
    return "".join(out)


def join_wrapped(left: str, right: str, text_lower: str, vocab: Vocabulary) -> str:
    """Join two hard-wrapped lines; drop a line-end hyphen only when provably a break."""
    if left.endswith("-") and right[:1].islower():
        word_a = re.search(r"([A-Za-z]+)-$", left)
        word_b = re.match(r"([a-z]+)", right)
        if word_a and word_b:
            joined = (word_a.group(1) + word_b.group(1)).lower()
            hyphened = f"{word_a.group(1)}-{word_b.group(1)}".lower()
            if vocab[joined] > 0 and hyphened not in text_lower:
                return left[:-1] + right
        return left + right
    return f"{left} {right}"
