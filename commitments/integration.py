"""What this app adds to other apps' pages, API and index (registered in apps.py)."""

from __future__ import annotations

from . import selectors


def commitment_data(c) -> dict:
    return {
        "actor": c.actor.slug,
        "actor_name": c.actor.name,
        "role": "addressee",
        "verb": c.verb,
        "strength": c.strength,
        "clause": c.clause,
        "clause_start": c.clause_start,
        "clause_end": c.clause_end,
        "types": sorted(t.slug for t in c.types.all()),
        "deadline": c.deadline,
        "origin": c.origin,
        "status": c.status,
    }


def api_commitments(paragraphs: list) -> dict[int, list[dict]]:
    found = selectors.paragraph_commitments([p.pk for p in paragraphs])
    return {p.pk: [commitment_data(c) for c in found.get(p.pk, [])] for p in paragraphs}


def api_mentions(paragraphs: list) -> dict[int, list[dict]]:
    found = selectors.paragraph_mentions([p.pk for p in paragraphs])
    return {
        p.pk: [
            {
                "actor": m.actor.slug,
                "actor_name": m.actor.name,
                "role": "mention",
                "printed_as": m.printed_as,
                "status": m.status,
            }
            for m in found.get(p.pk, [])
        ]
        for p in paragraphs
    }


def review_data(review) -> dict | None:
    if review is None:
        return None
    return {
        "current": review.is_current,
        "has_commitments": review.has_commitments,
        "note": review.note,
        "source": review.source,
        "reviewed_at": review.reviewed_at.isoformat(),
    }


def api_review(paragraphs: list) -> dict[int, dict | None]:
    """Whether a curator reviewed the paragraph's commitments, and for which text."""
    found = selectors.paragraph_reviews([p.pk for p in paragraphs])
    return {p.pk: review_data(found.get(p.pk)) for p in paragraphs}


def paragraph_panel(paragraph) -> dict | None:
    commitments = selectors.paragraph_commitments([paragraph.pk]).get(paragraph.pk, [])
    mentions = selectors.paragraph_mentions([paragraph.pk]).get(paragraph.pk, [])
    review = selectors.paragraph_reviews([paragraph.pk]).get(paragraph.pk)
    if not commitments and not mentions and review is None:
        return None
    return {"commitments": commitments, "mentions": mentions, "review": review}


def sponsors_panel(document) -> dict | None:
    if not document.sponsors:
        return None
    return {"sponsors": selectors.sponsor_actors(list(document.sponsors))}


def search_facets(paragraph_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    return selectors.paragraph_facets(paragraph_ids)


def search_facet_labels(field: str, values: list[str]) -> dict[str, str]:
    """Labels of the values of `search_facets` for the search page: {slug: label}."""
    return selectors.facet_value_labels(field, values)
