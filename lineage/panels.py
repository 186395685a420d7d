"""What lineage adds to document and paragraph pages and to the paragraphs' JSON."""

from __future__ import annotations

from documents.serializers import absolute

from . import selectors


def paragraph_panel(paragraph) -> dict | None:
    lineage = selectors.paragraph_lineage(paragraph)
    return {"lineage": lineage}


def document_panel(document) -> dict | None:
    comparisons = selectors.natural_comparisons(document)
    return {"document": document, "comparisons": comparisons} if comparisons else None


def counterparts_api_field(paragraphs) -> dict[int, list[dict]]:
    """`counterparts` of each paragraph in /api/documents/...: one query for the page."""
    found = selectors.counterparts_by_paragraph(list(paragraphs))
    return {
        pk: [
            {
                "document": link.counterpart.document.slug,
                "symbol": link.counterpart.document.symbol,
                "anchor": link.counterpart.anchor,
                "similarity": link.score,
                "class": link.similarity,
                "url": absolute(link.counterpart.get_absolute_url()),
            }
            for link in links
        ]
        for pk, links in found.items()
    }
