"""Small factories: tests build their own data."""

from __future__ import annotations

import datetime as dt
import itertools

from documents.models import Document, Footnote, Paragraph
from documents.symbols import slugify_symbol
from documents.vocabulary import DocumentType, Kind, Part

_counter = itertools.count(1)


def make_document(**fields) -> Document:
    n = next(_counter)
    symbol = fields.pop("symbol", f"A/RES/99/{n}")
    defaults = {
        "symbol": symbol,
        "slug": slugify_symbol(symbol) if symbol else f"document-{n}",
        "title": f"Test resolution {n} on trafficking in persons",
        "body": "General Assembly",
        "document_type": DocumentType.RESOLUTION,
        "resolution_number": symbol.removeprefix("A/RES/") if symbol else "",
        "adopted": dt.date(2017, 12, 19),
        "source_text": "",
        "is_published": True,
    }
    defaults.update(fields)
    return Document.objects.create(**defaults)


def make_paragraph(document: Document, **fields) -> Paragraph:
    position = fields.pop("position", None)
    if position is None:
        position = document.paragraphs.count() + 1
    kind = fields.get("kind", Kind.OPERATIVE)
    number = fields.get("number", str(position) if kind == Kind.OPERATIVE else "")
    defaults = {
        "position": position,
        "part": Part.OPERATIVE if kind == Kind.OPERATIVE else Part.PREAMBLE,
        "kind": kind,
        "number": number,
        "anchor": f"op-{number}" if kind == Kind.OPERATIVE else f"pp-{position}",
        "lead": "Urges",
        "text": "Urges Member States to take measures against trafficking in persons;",
    }
    defaults.update(fields)
    return Paragraph.objects.create(document=document, **defaults)


def make_footnote(document: Document, number: int, text: str) -> Footnote:
    return Footnote.objects.create(document=document, number=number, text=text)
