"""Plain JSON shapes of documents and paragraphs: the API's stable field names."""

from __future__ import annotations

from django.conf import settings

from .extensions import paragraph_api_fields
from .middleware import current_origin
from .models import Document, Paragraph
from .selectors import RelatedDocument

DEFAULT_ORIGIN = "http://127.0.0.1:8000"


def absolute(path: str) -> str:
    """An absolute URL: on SITE_URL when set, else on the origin of the current request."""
    return f"{settings.SITE_URL or current_origin.get() or DEFAULT_ORIGIN}{path}"


def document_summary(document: Document) -> dict:
    return {
        "slug": document.slug,
        "symbol": document.symbol,
        "title": document.title,
        "body": document.body,
        "document_type": document.document_type,
        "resolution_number": document.resolution_number,
        "adopted": document.adopted.isoformat() if document.adopted else None,
        "distributed": document.distributed.isoformat() if document.distributed else None,
        "paragraph_count": getattr(document, "paragraph_count", None),
        "url": absolute(document.get_absolute_url()),
        "api_url": absolute(f"/api/documents/{document.slug}/"),
    }


def document_detail(
    document: Document, paragraphs: list[Paragraph], relations: list[RelatedDocument]
) -> dict:
    data = document_summary(document)
    data["paragraph_count"] = len(paragraphs)
    data.update(
        {
            "session": document.session,
            "agenda_items": document.agenda_items,
            "meeting": document.meeting,
            "report": document.report,
            "sponsors": document.sponsors,
            "citation": document.long_name,
            "relations": [
                {
                    "relation": r.label,
                    "symbol": r.symbol,
                    "slug": r.document.slug if r.document else None,
                    "url": absolute(r.document.get_absolute_url()) if r.document else None,
                }
                for r in relations
            ],
            "footnotes": [{"number": f.number, "text": f.text} for f in document.footnotes.all()],
            "paragraphs": paragraphs_data(paragraphs),
        }
    )
    return data


def paragraphs_data(paragraphs: list[Paragraph]) -> list[dict]:
    extra = {name: fn(paragraphs) for name, fn in paragraph_api_fields.items()}
    items = []
    for p in paragraphs:
        item = {
            "anchor": p.anchor,
            "part": p.part,
            "kind": p.kind,
            "number": p.number,
            "parent": p.parent.anchor if p.parent_id else None,
            "lead": p.lead,
            "text": p.text,
            "footnotes": [{"number": f.number, "text": f.text} for f in p.footnotes.all()],
            "permalink": absolute(p.get_absolute_url()),
            "citation": p.citation,
            "long_citation": p.long_citation,
        }
        for name, values in extra.items():
            item[name] = values.get(p.pk, [])
        items.append(item)
    return items


def parsed_document_data(parsed) -> dict:
    """The parser's result as JSON (`import_document --json --dry-run`, the admin preview)."""
    return {
        "symbol": parsed.symbol,
        "title": parsed.title,
        "body": parsed.body,
        "document_type": parsed.document_type,
        "resolution_number": parsed.resolution_number,
        "adopted": parsed.adopted.isoformat() if parsed.adopted else None,
        "distributed": parsed.distributed.isoformat() if parsed.distributed else None,
        "session": parsed.session,
        "agenda_items": parsed.agenda_items,
        "meeting": parsed.meeting,
        "report": parsed.report,
        "sponsors": parsed.sponsors,
        "paragraphs": [
            {
                "anchor": p.anchor,
                "part": p.part,
                "kind": p.kind,
                "number": p.number,
                "parent": p.parent_anchor,
                "lead": p.lead,
                "text": p.text,
                "footnotes": p.footnotes,
            }
            for p in parsed.paragraphs
        ],
        "footnotes": [{"number": f.number, "text": f.text} for f in parsed.footnotes],
        "references": [
            {"symbol": r.symbol, "cited_as": r.cited_as, "relation": r.relation, "anchor": r.anchor}
            for r in parsed.references
        ],
        "warnings": parsed.warnings,
    }
