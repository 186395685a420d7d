"""Parse the text of a UN document into structured data.

Pure: text in, dataclasses out. No ORM, no I/O. See `parse_document`.

The work is split by concern: `text_cleanup` turns raw text (Markdown residue or
pdftotext output) into body lines and footnotes, `blocks` groups lines into candidate
paragraphs, `header` reads the metadata, `leads` recognises opening words and
`references` canonicalises citations. This module walks the blocks and decides each
paragraph's part, kind, number and anchor (the public permalink contract).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .blocks import FORMULA_RE, NUM_RE, Block, build_blocks
from .header import read_header
from .leads import OPERATIVE_WORDS, declaration_lead, find_lead, preambular_lead
from .references import find_references
from .text_cleanup import (
    MARK_RE,
    finish_text,
    join_wrapped,
    mark_wrapped_footnotes,
    repair_split_words,
    split_source,
    take_markers,
    vocabulary,
)
from .vocabulary import DocumentType, Kind, Part, Relation


class DocumentParseError(ValueError):
    """The input is not something we can import (empty, not a UN document, binary...)."""


@dataclass
class ParsedFootnote:
    number: int
    text: str


@dataclass
class ParsedReference:
    """A reference to another UN document found in the text."""

    symbol: str  # canonical symbol, e.g. "A/RES/70/179", "E/RES/2017/18", "A/71/119"
    cited_as: str  # as printed, e.g. "resolution 70/179", "Council resolution 2017/18"
    relation: str = "recalls"  # a vocabulary.Relation value
    anchor: str = ""  # anchor of the paragraph (or "" for the header) where it was found


@dataclass
class ParsedParagraph:
    anchor: str  # public contract: pp-N, op-N, op-N-a, pp-N-a, annex-N, annex-N-a, p-N
    part: str  # vocabulary.Part value
    kind: str  # vocabulary.Kind value
    number: str  # as printed without punctuation: "10", "a", "ii"; "" when unnumbered
    text: str  # clean text, no markup, page furniture or footnote markers
    lead: str = ""  # the opening words carrying its force: "Urges", "Recalling also", "We commit"
    footnotes: list[int] = field(default_factory=list)  # numbers of the footnotes it cites
    parent_anchor: str | None = None  # for sub-paragraphs


@dataclass
class ParsedDocument:
    symbol: str = ""  # as printed: "A/RES/72/195", "S/RES/2331 (2016)"; "" when none
    title: str = ""
    body: str = ""  # "General Assembly", "Economic and Social Council", ...
    document_type: str = DocumentType.OTHER
    resolution_number: str = ""  # "72/195", "2017/18"
    session: str = ""  # "Seventy-second session"
    agenda_items: list[str] = field(default_factory=list)
    adopted: dt.date | None = None
    distributed: dt.date | None = None
    meeting: str = ""  # "73rd plenary meeting"
    report: str = ""  # symbol of the report it was adopted on, "A/72/440"
    sponsors: list[str] = field(default_factory=list)  # Member States sponsoring a draft
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    footnotes: list[ParsedFootnote] = field(default_factory=list)
    references: list[ParsedReference] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


SALUTATION_RE = re.compile(r"^(Excellency|Excellencies|Dear\b|Sir\b|Madam\b|Mr\. President)")
URL_RE = re.compile(r"^(?:www\.|https?://)\S+$|^\S+@\S+\.\w+$")
IMAGE_RE = re.compile(
    r"^(?:An?|The)\s+(?:handwritten\s+)?(?:signature|image|logo|photo|stamp|seal)\b"
)


@dataclass
class _Draft:
    """A paragraph being assembled: raw text still carries footnote sentinels."""

    para: ParsedParagraph
    raw: str
    italic: str = ""
    last_block: Block | None = None


def _header_end(lines: list[str]) -> tuple[int, str]:
    for i, line in enumerate(lines[:120]):
        if FORMULA_RE.match(line):
            return i, "formula"
        if SALUTATION_RE.match(line):
            return i, "letter"
        if NUM_RE.match(line) and i > 0:
            return i, "plain"
    return 0, "none"


def _title_like(block: Block) -> bool:
    text = MARK_RE.sub("", block.text)
    return (
        block.kind == "text"
        and not block.ends_sentence()
        and len(text) < 250
        and text[:1].isupper()
    )


class _Walker:
    """Walk the blocks, assigning parts, kinds, numbers and anchors."""

    def __init__(self, doc: ParsedDocument, wrapped: bool, letter: bool) -> None:
        self.doc = doc
        self.wrapped = wrapped
        self.letter = letter
        self.zone = "letter" if letter else "preamble"
        self.enclosure = False
        self.drafts: list[_Draft] = []
        self.anchors: set[str] = set()
        self.pp = 0
        self.p = 0
        self.unnumbered_op = 0
        self.op_numbers: list[int] = []
        self.annex_numbers: list[int] = []
        self.annex_seq = 0
        self.main: _Draft | None = None  # paragraph that sub-paragraphs belong to
        self.sub: _Draft | None = None  # last letter sub-paragraph, parent of (i)
        self.closed = False

    # -- helpers -------------------------------------------------------------------
    def part(self, zone: str) -> str:
        if self.enclosure:
            return Part.ENCLOSURE
        return {
            "preamble": Part.PREAMBLE,
            "operative": Part.OPERATIVE,
            "annex": Part.ANNEX,
            "letter": Part.LETTER,
        }[zone]

    def add(
        self,
        anchor: str,
        part: str,
        kind: str,
        number: str,
        block: Block,
        parent: str | None = None,
    ) -> _Draft:
        if anchor in self.anchors:
            self.doc.warnings.append(f"Duplicate paragraph {anchor}; stored as {anchor}-dup.")
            k = 2
            while f"{anchor}-dup{k}" in self.anchors:
                k += 1
            anchor = f"{anchor}-dup{k}"
        self.anchors.add(anchor)
        para = ParsedParagraph(
            anchor=anchor, part=part, kind=kind, number=number, text="", parent_anchor=parent
        )
        draft = _Draft(para, self.join(block), block.italic, block)
        self.drafts.append(draft)
        return draft

    def join(self, block: Block) -> str:
        if not self.wrapped:
            return block.text
        text = ""
        for line in block.lines:
            text = join_wrapped(text, line, "", self.vocab) if text else line
        return text

    def p_anchor(self) -> str:
        self.p += 1
        return f"p-{self.p}"

    def heading(self, block: Block, label: str = "") -> None:
        part = self.part(self.zone if self.zone != "preamble" else "operative")
        self.add(self.p_anchor(), part, Kind.HEADING, label, block)
        self.main = self.sub = None

    def merge(self, block: Block) -> None:
        target = self.drafts[-1]
        prev = target.last_block
        text = self.join(block)
        prev_text = MARK_RE.sub("", prev.text).rstrip(' ”’")') if prev is not None else ""
        if prev_text.endswith((".", ";")) and not text[:1].islower():
            self.doc.warnings.append(
                f"Paragraph {target.para.anchor} was joined with the following text, which "
                f"may be a separate paragraph: “{text[:60]}…”"
            )
        target.raw = (
            join_wrapped(target.raw, text, "", self.vocab)
            if self.wrapped
            else (f"{target.raw} {text}")
        )
        target.last_block = block

    def check_sequence(self, numbers: list[int], n: int, what: str) -> None:
        if numbers and n != numbers[-1] + 1:
            if n in numbers:
                self.doc.warnings.append(f"{what} paragraph {n} appears twice.")
            else:
                self.doc.warnings.append(f"{what} paragraph {n} follows {numbers[-1]}.")
        elif not numbers and n != 1:
            self.doc.warnings.append(f"{what} numbering starts at {n}, not 1.")
        numbers.append(n)

    def start_annex(self) -> None:
        self.zone = "annex"
        self.annex_seq += 1
        self.annex_numbers = []
        self.main = self.sub = None

    # -- the walk ------------------------------------------------------------------
    def walk(self, blocks: list[Block]) -> None:
        for i, block in enumerate(blocks):
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            handler = getattr(self, f"on_{block.kind}")
            handler(block, following)

    def on_formula(self, block: Block, following: Block | None) -> None:
        if self.zone == "letter":
            self.enclosure = True
        self.zone = "preamble"
        self.closed = False

    def on_closing(self, block: Block, following: Block | None) -> None:
        m = re.match(r"(\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)", block.lines[0])
        if m and not self.doc.meeting:
            self.doc.meeting = m.group(1)
        self.closed = True

    def on_annex(self, block: Block, following: Block | None) -> None:
        if self.zone == "letter":
            self.enclosure = True
        self.start_annex()
        self.closed = False
        self.heading(block)

    def on_heading(self, block: Block, following: Block | None) -> None:
        label = block.label
        block = Block("heading", label, block.lines)
        self.heading(block, label)

    def on_num(self, block: Block, following: Block | None) -> None:
        n = int(block.label)
        text = MARK_RE.sub("", block.text)
        declaration = bool(declaration_lead(text))
        if self.zone == "letter":
            self.enclosure = True
            self.start_annex()
        elif self.zone == "preamble":
            if declaration:
                self.start_annex()
            else:
                self.zone = "operative"
        elif self.zone == "operative" and (
            (n == 1 and self.op_numbers) or (declaration and not self.op_numbers)
        ):
            if n == 1 and self.op_numbers and not declaration:
                self.doc.warnings.append(
                    f"Paragraph numbering restarts at 1 after operative paragraph "
                    f"{self.op_numbers[-1]} without an “Annex” heading; read as an annex."
                )
            self.start_annex()
        elif self.zone == "annex" and n == 1 and self.annex_numbers:
            self.start_annex()
        # Headings just before the first paragraph of a new part belong to that part.
        for draft in reversed(self.drafts):
            if draft.para.kind != Kind.HEADING:
                break
            draft.para.part = self.part(self.zone)
        if self.zone == "annex":
            self.check_sequence(self.annex_numbers, n, "Annex")
            prefix = "annex" if self.annex_seq <= 1 else f"annex{self.annex_seq}"
            draft = self.add(f"{prefix}-{n}", self.part("annex"), Kind.ANNEX, str(n), block)
        else:
            self.check_sequence(self.op_numbers, n, "Operative")
            draft = self.add(f"op-{n}", self.part("operative"), Kind.OPERATIVE, str(n), block)
        self.main, self.sub = draft, None
        self.closed = False

    def on_sub(self, block: Block, following: Block | None) -> None:
        label = block.label
        roman = re.fullmatch(r"[ivx]+", label) is not None
        nested = False
        if self.sub is not None and roman:
            prev = self.sub.para.number
            # "(i)" after "(h)" is a letter; after any other letter it opens a nested list.
            if self.sub.para.parent_anchor != (self.main.para.anchor if self.main else None):
                nested = True  # already inside a nested list
            elif not (label == "i" and prev == "h") and not (
                len(label) == 1
                and ord(label) == ord(prev[-1]) + 1
                and len(prev) == 1
                and label not in "iv"
            ):
                nested = True
        parent = self.sub if nested else self.main
        if nested and self.sub.para.parent_anchor != self.main.para.anchor:
            parent = next(
                (d for d in reversed(self.drafts) if d.para.anchor == self.sub.para.parent_anchor),
                self.sub,
            )
        if parent is None:
            self.doc.warnings.append(f"Sub-paragraph ({label}) has no parent paragraph.")
            self.add(self.p_anchor(), self.part(self.zone), Kind.SUBPARAGRAPH, label, block)
            return
        anchor = f"{parent.para.anchor}-{label}"
        draft = self.add(
            anchor, parent.para.part, Kind.SUBPARAGRAPH, label, block, parent=parent.para.anchor
        )
        if not nested:
            self.sub = draft
        self.closed = False

    def on_text(self, block: Block, following: Block | None) -> None:
        text = MARK_RE.sub("", block.text).strip()
        if IMAGE_RE.match(text) or (self.zone == "letter" and URL_RE.match(text)):
            return
        before_numbered = following is not None and following.kind in ("num", "formula")
        if self.zone == "letter":
            self.letter_text(block, text, before_numbered)
            return
        last = self.drafts[-1] if self.drafts else None
        continues = (
            last is not None
            and not self.closed
            and last.para.kind != Kind.HEADING
            and last.last_block is not None
            and (text[:1].islower() or not last.last_block.ends_sentence())
        )
        if _title_like(block) and (
            before_numbered
            or (last and last.para.kind == Kind.HEADING)
            or (self.closed and self.zone != "preamble")
        ):
            if not continues or before_numbered:
                self.heading(block)
                return
        if continues:
            self.merge(block)
            return
        if self.zone == "preamble":
            word = text.split(" ", 1)[0]
            if word.lower() in OPERATIVE_WORDS and not preambular_lead(text):
                self.zone = "operative"
            elif block.italic and block.italic.split()[0].lower() in OPERATIVE_WORDS:
                self.zone = "operative"
            else:
                self.pp += 1
                self.main = self.add(
                    f"pp-{self.pp}", self.part("preamble"), Kind.PREAMBULAR, "", block
                )
                self.sub = None
                if not preambular_lead(text) and not block.italic:
                    self.doc.warnings.append(
                        f"Preambular paragraph pp-{self.pp} has no recognised opening: "
                        f"“{text[:60]}…”"
                    )
                return
        if self.zone == "operative" and not self.op_numbers:
            self.unnumbered_op += 1
            self.main = self.add(
                f"op-{self.unnumbered_op}", self.part("operative"), Kind.OPERATIVE, "", block
            )
            self.sub = None
            return
        if self.zone == "annex" and not self.annex_numbers:
            self.main = self.add(self.p_anchor(), self.part("annex"), Kind.ANNEX, "", block)
            self.sub = None
            return
        if last is not None and not self.closed:
            self.merge(block)
            return
        self.doc.warnings.append(f"Unplaced text skipped: “{text[:80]}”")

    def letter_text(self, block: Block, text: str, before_numbered: bool) -> None:
        last = self.drafts[-1] if self.drafts else None
        if (
            last is not None
            and last.para.part == Part.LETTER
            and last.last_block is not None
            and text[:1].islower()
            and not re.search(r"[.:]\W*$", last.raw)  # signature lines after the close
        ):
            self.merge(block)
            return
        if len(text) >= 60 and re.search(r"[.:]$", text):
            self.add(self.p_anchor(), Part.LETTER, Kind.OTHER, "", block)
            return
        if before_numbered and _title_like(block):
            self.enclosure = True
            self.add(self.p_anchor(), Part.ENCLOSURE, Kind.HEADING, "", block)
        # Otherwise letter furniture: salutation, signature, address, letterhead.


def _finish(
    doc: ParsedDocument, walker: _Walker, footnotes: dict[int, str], wrapped: bool, vocab
) -> None:
    state = {"max": 0}
    numbers = set(footnotes)
    cited: dict[int, list[str]] = {}
    for draft in walker.drafts:
        raw = draft.raw
        if wrapped:
            raw = mark_wrapped_footnotes(raw, numbers, state)
        text, marks = take_markers(raw)
        text = finish_text(text)
        if wrapped:
            text = repair_split_words(text, vocab)
        para = draft.para
        para.text = text
        para.footnotes = marks
        for n in marks:
            cited.setdefault(n, []).append(para.anchor)
            if n not in footnotes:
                doc.warnings.append(f"Footnote marker {n} in {para.anchor} has no footnote text.")
        italic = draft.italic
        if italic and text.startswith(italic) and para.kind != Kind.SUBPARAGRAPH:
            para.lead = italic
        else:
            para.lead = find_lead(text, para.kind)
        doc.paragraphs.append(para)

    doc.footnotes = [ParsedFootnote(n, footnotes[n]) for n in sorted(footnotes)]
    for n in sorted(footnotes):
        if n not in cited:
            doc.warnings.append(f"Footnote {n} is not cited by any paragraph.")

    seen: set[tuple[str, str]] = set()

    def add_refs(text: str, anchor: str) -> None:
        for symbol, cited_as in find_references(text, doc.body):
            if (symbol, anchor) in seen or symbol == doc.symbol:
                continue
            seen.add((symbol, anchor))
            doc.references.append(
                ParsedReference(
                    symbol=symbol, cited_as=cited_as, relation=Relation.RECALLS, anchor=anchor
                )
            )

    for para in doc.paragraphs:
        add_refs(para.text, para.anchor)
        for n in para.footnotes:
            if n in footnotes:
                add_refs(footnotes[n], para.anchor)
    for n in sorted(footnotes):
        if n not in cited:
            add_refs(footnotes[n], "")


def parse_document(text: str) -> ParsedDocument:
    """Parse a UN resolution, draft, declaration or letter (Markdown residue or pdftotext).

    Raises DocumentParseError when the text is empty or not a UN document.
    """
    if not text or not text.strip():
        raise DocumentParseError("The document is empty: there is no text to import.")
    source = split_source(text)
    if not source.lines:
        raise DocumentParseError("The document has no readable text.")
    end, how = _header_end(source.lines)
    info = read_header(source.lines[:end])
    letter = how == "letter" or bool(info.get("letter"))

    doc = ParsedDocument(warnings=list(source.warnings))
    for key in (
        "symbol",
        "title",
        "body",
        "resolution_number",
        "session",
        "adopted",
        "distributed",
        "meeting",
        "report",
    ):
        if info.get(key):
            setattr(doc, key, info[key])
    doc.agenda_items = info.get("agenda_items", [])
    doc.sponsors = info.get("sponsors", [])

    italics = {i - end: run for i, run in source.italic_leads.items() if i >= end}
    blocks = build_blocks(source.lines[end:], source.wrapped, italics)
    walker = _Walker(doc, source.wrapped, letter)
    walker.vocab = vocabulary("\n".join(source.lines))
    walker.walk(blocks)

    has_structure = (
        doc.body
        or doc.symbol
        or doc.resolution_number
        or how in ("formula", "letter")
        or any(b.kind == "num" for b in blocks)
    )
    if not has_structure or not walker.drafts:
        raise DocumentParseError(
            "This does not look like a UN document: no issuing body, symbol or resolution "
            "heading, and no paragraphs were found."
        )

    doc.document_type = _document_type(doc, info, letter)
    _finish(doc, walker, source.footnotes, source.wrapped, walker.vocab)
    _header_warnings(doc, how)
    return doc


def _document_type(doc: ParsedDocument, info: dict, letter: bool) -> str:
    if letter:
        return DocumentType.LETTER
    if info.get("draft_resolution") or "/L." in doc.symbol:
        return DocumentType.DRAFT_RESOLUTION
    if info.get("decision"):
        return DocumentType.DECISION
    if re.match(r"(?i)political declaration", doc.title):
        return DocumentType.POLITICAL_DECLARATION
    if doc.resolution_number or info.get("adopted") or "/RES/" in doc.symbol:
        return DocumentType.RESOLUTION
    return DocumentType.OTHER


def _header_warnings(doc: ParsedDocument, how: str) -> None:
    missing = []
    if not doc.body:
        missing.append("issuing body")
    if doc.document_type in (
        DocumentType.RESOLUTION,
        DocumentType.POLITICAL_DECLARATION,
        DocumentType.DECISION,
    ):
        if not doc.symbol and not doc.resolution_number:
            missing.append("symbol or resolution number")
        if not doc.adopted:
            missing.append("adoption date")
        if not doc.title and not doc.symbol.startswith("S/"):
            missing.append("title")
    if doc.document_type == DocumentType.DRAFT_RESOLUTION and not doc.title:
        missing.append("title")
    if missing:
        doc.warnings.append("Header fields not found: " + ", ".join(missing) + ".")
    if how == "none":
        doc.warnings.append("No enacting formula (“The General Assembly,”) was found.")
