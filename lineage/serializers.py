"""JSON shapes of comparisons and agreed-language matches."""

from __future__ import annotations

from documents.serializers import absolute, document_summary

from .matching import Segment
from .selectors import AgreedMatch, Comparison


def diff_data(segments: list[Segment]) -> list[list[str]]:
    """[["equal", "text"], ["delete", "old"], ["insert", "new"], ...]: plain text, no HTML."""
    return [[s.op, s.text] for s in segments]


def _paragraph_ref(paragraph) -> dict | None:
    if paragraph is None:
        return None
    return {
        "anchor": paragraph.anchor,
        "number": paragraph.number,
        "citation": paragraph.citation,
        "text": paragraph.text,
        "url": absolute(paragraph.get_absolute_url()),
    }


def comparison_data(comparison: Comparison) -> dict:
    return {
        "a": document_summary(comparison.a),
        "b": document_summary(comparison.b),
        "counts": comparison.counts,
        "rows": [
            {
                "status": row.status,
                "similarity": row.score if row.a and row.b else None,
                "class": row.similarity if row.a and row.b else None,
                "a": _paragraph_ref(row.a),
                "b": _paragraph_ref(row.b),
                "diff": diff_data(row.diff),
            }
            for row in comparison.rows
        ],
    }


def agreed_match_data(match: AgreedMatch) -> dict:
    paragraph = match.paragraph
    document = paragraph.document
    return {
        "document": document.slug,
        "symbol": document.symbol,
        "date": document.date.isoformat() if document.date else None,
        "anchor": paragraph.anchor,
        "citation": paragraph.citation,
        "similarity": match.score,
        "class": match.similarity,
        "within_longer_paragraph": match.within,
        "excerpt": match.excerpt,
        "text": paragraph.text,
        "diff": diff_data(match.diff),
        "url": absolute(paragraph.get_absolute_url()),
    }
