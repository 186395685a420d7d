"""Group body lines into blocks: candidate paragraphs, headings and closing lines.

Wrapped (pdftotext) lines are joined until a line that provably starts something
new: a paragraph number, a sub-paragraph label, a heading, or a preambular opening
after a line that ends a clause. Unwrapped lines are one block each; page-break
splits are rejoined later, when the structure is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .leads import OPERATIVE_WORDS, declaration_lead, preambular_lead
from .text_cleanup import DATE_RE, MARK_RE, ends_clause

NUM_RE = re.compile(r"^(\d{1,3})\.(?:\s+(.*))?$")
SUB_RE = re.compile(r"^\(([a-z]{1,2}|[ivx]{1,5})\)(?:\s+(.*))?$")
ROMAN_HEAD_RE = re.compile(r"^([IVX]{1,5}|[A-H])\.(?:\s+(\S.*))?$")
ANNEX_RE = re.compile(r"^(Annex|ANNEX|Enclosure|Appendix)(\s+[IVX\d]+)?\s*$")
BODIES = (
    r"General Assembly|Economic and Social Council|Security Council|Human Rights Council"
    r"|Commission on [A-Z][A-Za-z ]+|Conference of the Parties[A-Za-z ]*|Assembly|Council"
)
FORMULA_RE = re.compile(rf"^The ({BODIES})\s*,?$")
CLOSING_RE = re.compile(
    r"^(\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)\b(.*)$"
    r"|^\[(?:Adopted|Resolution adopted)\b[^\]]*\]\.?$"  # "[Adopted without a vote.]"
)


@dataclass
class Block:
    kind: str  # num | sub | heading | annex | formula | closing | text
    label: str = ""  # "10", "a", "IV"
    lines: list[str] = field(default_factory=list)
    italic: str = ""  # italic opening run (Markdown form)

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    def ends_sentence(self) -> bool:
        return ends_clause(MARK_RE.sub("", self.text))


def classify_line(line: str) -> Block | None:
    """A block that this line starts by its form alone, or None for plain text."""
    if FORMULA_RE.match(line):
        return Block("formula", lines=[line])
    m = CLOSING_RE.match(line)
    if m:
        return Block("closing", lines=[line])
    if ANNEX_RE.match(line):
        return Block("annex", lines=[line])
    m = NUM_RE.match(line)
    if m:
        return Block("num", m.group(1), [m.group(2)] if m.group(2) else [])
    m = SUB_RE.match(line)
    if m:
        return Block("sub", m.group(1), [m.group(2)] if m.group(2) else [])
    m = ROMAN_HEAD_RE.match(line)
    if m and (not m.group(2) or not ends_clause(m.group(2))):
        return Block("heading", m.group(1), [m.group(2)] if m.group(2) else [])
    return None


def _starts_paragraph(line: str, current: Block) -> bool:
    """Does a wrapped line open a new unnumbered paragraph?"""
    if not current.lines:
        return False
    if current.kind == "text" and not current.ends_sentence():
        # After a heading-like line (no final punctuation) only a declaration opens.
        return (
            len(current.lines) <= 3
            and bool(declaration_lead(line))
            and not any(ends_clause(ln) for ln in current.lines)
        )
    if not current.ends_sentence():
        return False
    first = line.split(" ", 1)[0].lower()
    return bool(preambular_lead(line)) or first in OPERATIVE_WORDS or line.startswith("We")


def build_blocks(lines: list[str], wrapped: bool, italics: dict[int, str]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    pending_heading = False
    last_number = 0

    def push(block: Block | None) -> None:
        if block is not None and (block.lines or block.kind in ("num", "sub", "heading")):
            blocks.append(block)

    for index, line in enumerate(lines):
        block = classify_line(line)
        if block and block.kind == "num" and wrapped and current is not None:
            n = int(block.label)
            plausible = n in (last_number + 1, 1) or current.ends_sentence()
            if not plausible:
                block = None
        if block and block.kind == "sub" and wrapped and current and current.lines:
            if not current.ends_sentence():
                block = None
        if block is None and DATE_RE.fullmatch(line) and current and current.kind == "closing":
            current.lines.append(line)
            continue
        if block is not None:
            push(current)
            if block.kind == "num":
                last_number = int(block.label)
            if block.kind == "num" and current and current.kind == "text" and wrapped:
                _split_title(blocks)
            block.italic = italics.get(index, "")
            current = block
            pending_heading = block.kind == "heading" and not block.lines
            if block.kind in ("formula", "annex"):
                push(current)
                current = None
            continue
        if pending_heading and current is not None:
            current.lines.append(line)
            push(current)
            current, pending_heading = None, False
            continue
        starts = (
            current is None
            or not wrapped
            or current.kind in ("heading", "closing")
            or _starts_paragraph(line, current)
        )
        if starts:
            push(current)
            current = Block("text", lines=[line], italic=italics.get(index, ""))
        else:
            current.lines.append(line)
    push(current)
    return blocks


def _split_title(blocks: list[Block]) -> None:
    """A wrapped text block ending in a title just before "1.": split the title off."""
    block = blocks[-1]
    if block.ends_sentence() or len(block.lines) < 2:
        return
    for cut in range(len(block.lines) - 1, max(0, len(block.lines) - 4), -1):
        if ends_clause(block.lines[cut - 1]):
            title = Block("text", lines=block.lines[cut:])
            block.lines = block.lines[:cut]
            blocks.append(title)
            return


def words_of(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
