"""Walk a document's blocks and decide each paragraph's part, kind, number and anchor.

Anchors are the permalink contract: pp-N (preambular, counted), op-N (operative, as
printed), annex-N (annex or declaration, as printed), <parent>-a / <parent>-a-i for
sub-paragraphs, and p-N for everything else (letter paragraphs, headings, unnumbered
annex paragraphs). Doubts become warnings for curators, never silent guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import FORMULA_RE, NUM_RE, Block
from .leads import OPERATIVE_WORDS, declaration_lead, preambular_lead
from .parsed import ParsedDocument, ParsedParagraph
from .text_cleanup import MARK_RE, Vocabulary, join_wrapped
from .vocabulary import Kind, Part

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


def header_end(lines: list[str]) -> tuple[int, str]:
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


class Walker:
    """Walk the blocks, assigning parts, kinds, numbers and anchors."""

    def __init__(self, doc: ParsedDocument, wrapped: bool, letter: bool, vocab: Vocabulary) -> None:
        self.doc = doc
        self.vocab = vocab
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
