"""The parser's output: the dataclasses other modules code against (a public contract)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .vocabulary import DocumentType


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
