"""Parse the text of a UN document into structured data.

Pure: text in, dataclasses out. No ORM, no I/O. See `parse_document`.

The work is split by concern: `text_cleanup` turns raw text (Markdown residue or
pdftotext output) into body lines and footnotes, `blocks` groups lines into candidate
paragraphs, `header` reads the metadata, `leads` recognises opening words and
`references` canonicalises citations, `structure` decides each paragraph's part, kind,
number and anchor (the public permalink contract). The dataclasses live in `parsed` and
are re-exported here: `from documents.parsing import ParsedDocument` is the entry point.
"""

from __future__ import annotations

import re

from .blocks import build_blocks
from .header import read_header
from .leads import find_lead
from .parsed import (
    DocumentParseError,
    ParsedDocument,
    ParsedFootnote,
    ParsedParagraph,
    ParsedReference,
)
from .references import find_references
from .structure import Walker, header_end
from .text_cleanup import (
    finish_text,
    mark_wrapped_footnotes,
    repair_split_words,
    split_source,
    take_markers,
    vocabulary,
)
from .vocabulary import DocumentType, Kind, Relation

__all__ = [
    "DocumentParseError",
    "ParsedDocument",
    "ParsedFootnote",
    "ParsedParagraph",
    "ParsedReference",
    "parse_document",
]


def _finish(
    doc: ParsedDocument, walker: Walker, footnotes: dict[int, str], wrapped: bool, vocab
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
    end, how = header_end(source.lines)
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
    walker = Walker(doc, source.wrapped, letter, vocabulary("\n".join(source.lines)))
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
