"""Reads behind /search/, /api/search/, the "more like this" panel and /health/."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property

from haystack import connections
from haystack.inputs import Raw
from haystack.query import SearchQuerySet

from documents.models import Document, Paragraph

from .analysis import stemming_analyzer
from .backend import IndexUnavailable
from .concepts import expand_concepts
from .facets import FACETS, SORTS, Facet
from .highlight import Terms, highlight, query_terms
from .params import MAX_PAGE, PAGE_CAP_NOTE, PAGE_SIZE, SearchParams
from .query import FacetedSearchQuerySet
from .querytext import clean_query
from .registry import facet_labels

logger = logging.getLogger(__name__)
SNIPPET_LENGTH = 360
_ANALYZER = stemming_analyzer()
# Values of one facet shown on the page (the JSON API lists every value).
FACET_SHOWN = 20
HEAVY_DOCUMENT_FIELDS = ("source_text", "import_warnings", "agenda_items", "sponsors")


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    active: bool
    params: SearchParams = field(repr=False)
    param: str = ""
    missing: bool = False  # selected in the URL, but no such value in the index

    @cached_property
    def toggle_url(self) -> str:
        return self.params.toggled(self.param, self.value)


@dataclass
class FacetGroup:
    param: str
    label: str
    values: list[FacetValue]
    more: int = 0  # values left out of `values` (the page shows the largest ones)

    @property
    def active(self) -> list[FacetValue]:
        return [v for v in self.values if v.active]


@dataclass
class Hit:
    paragraph: Paragraph
    snippet: str
    score: float


@dataclass
class SearchOutcome:
    params: SearchParams
    query: str = ""
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: list[FacetGroup] = field(default_factory=list)
    suggestion: str | None = None
    notes: list[str] = field(default_factory=list)
    unavailable: bool = False

    @property
    def active_count(self) -> int:
        """Selected facet values (the "Filters (n)" button)."""
        return sum(len(g.active) for g in self.facets)

    @property
    def page_count(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.total // PAGE_SIZE)))

    @property
    def first(self) -> int:
        return (self.params.page - 1) * PAGE_SIZE + 1 if self.total else 0

    @property
    def last(self) -> int:
        return self.first + len(self.hits) - 1 if self.hits else 0


def paragraph_search(params: SearchParams, *, facet_limit: int | None = None) -> SearchOutcome:
    """Run a search described by URL parameters; never raises for bad input.

    `facet_limit`: keep only the largest values of each facet (and the active ones).
    """
    outcome = SearchOutcome(params=params, notes=list(params.notes))
    cleaned = clean_query(params.q)
    outcome.query = cleaned.text
    outcome.notes += cleaned.notes
    try:
        # The engine also looks for concepts named differently in the texts
        # ("non-punishment" -> "not penalized"); suggestions stay on what was typed.
        engine_text = expand_concepts(cleaned.text)
        sqs = _queryset(params, engine_text, outcome)
        if engine_text:
            sqs = sqs.set_spelling_query(cleaned.text)
        results = _page(sqs, params, outcome)
    except IndexUnavailable:
        logger.warning("Search index unavailable", exc_info=True)
        outcome.unavailable = True
        return outcome
    terms = query_terms(engine_text)
    if cleaned.text and ":" not in cleaned.text and not _normal(cleaned.text):
        outcome.notes.append(
            "Your query has only very common or one-letter words (the, of, a…), which are "
            "not indexed; add a more specific word."
        )
    outcome.hits = _hits(results, terms, _term_weights(terms) if results else {})
    outcome.facets = _facet_groups(sqs.facet_counts().get("fields", {}), params, facet_limit)
    outcome.suggestion = _suggestion(sqs, cleaned.text) if cleaned.spellable else None
    return outcome


def _queryset(params: SearchParams, text: str, outcome: SearchOutcome):
    sqs = FacetedSearchQuerySet().models(Paragraph)
    if text:
        sqs = sqs.filter(content=Raw(text))
    backend = connections["default"].get_backend()
    for facet in FACETS:
        sqs = sqs.facet(facet.field)
        values = params.filters.get(facet.param)
        if not values:
            continue
        if hasattr(backend, "facet_values"):
            known = backend.facet_values(facet.field)
            unknown = [v for v in values if v not in known]
            if unknown:
                outcome.notes.append(
                    f"No {facet.label.lower()} called {unknown[0][:60]!r} in the index; "
                    "that filter matches nothing."
                )
        sqs = sqs.facet_filter(facet.field, values)
    order = SORTS[params.sort][1]
    if order:
        sqs = sqs.order_by(*order)
    return sqs


def _page(sqs, params: SearchParams, outcome: SearchOutcome) -> list:
    start = (params.page - 1) * PAGE_SIZE
    results = list(sqs[start : start + PAGE_SIZE])
    outcome.total = sqs.count()
    if not results and outcome.total and params.page > 1:
        last = outcome.page_count
        # One note, not "only the first 50 pages" and "only 1 page" together.
        outcome.notes = [n for n in outcome.notes if n != PAGE_CAP_NOTE]
        outcome.notes.append(
            f"There {'is only one page' if last == 1 else f'are only {last} pages'}; "
            "showing the last one."
        )
        params.page = last
        start = (last - 1) * PAGE_SIZE
        results = list(sqs[start : start + PAGE_SIZE])
    return results


def _term_weights(terms: Terms) -> dict[str, float]:
    """How rare each query term is (IDF), so snippets show the rarest matches."""
    backend = connections["default"].get_backend()
    if not terms or not hasattr(backend, "term_weights"):
        return {}
    return backend.term_weights(terms.index_terms())


def _hits(results, terms: Terms, weights: dict[str, float]) -> list[Hit]:
    pks = [int(r.pk) for r in results]
    paragraphs = (
        {
            p.pk: p
            for p in Paragraph.objects.filter(pk__in=pks)
            .select_related("document", "parent__parent")
            # The document's whole source text is not needed for 20 citations.
            .defer(*(f"document__{name}" for name in HEAVY_DOCUMENT_FIELDS))
        }
        if pks
        else {}
    )
    hits = []
    for r in results:
        p = paragraphs.get(int(r.pk))
        if p is None:  # deleted since it was indexed; the worker will catch up
            continue
        snippet = highlight(p.text, terms, length=SNIPPET_LENGTH, weights=weights)
        hits.append(Hit(p, snippet, r.score or 0.0))
    return hits


def _facet_groups(counts: dict, params: SearchParams, limit: int | None = None) -> list[FacetGroup]:
    shown = {}
    for facet in FACETS:
        # The backend sorts by count (largest first), so the first `limit` are the largest.
        active = set(params.filters.get(facet.param, []))
        pairs = [(v, n) for v, n in counts.get(facet.field, []) if v]
        if not facet.listed:
            pairs = [(v, n) for v, n in pairs if v in active]
        more = 0
        if limit is not None and len(pairs) > limit:
            kept = pairs[:limit] + [(v, n) for v, n in pairs[limit:] if v in active]
            more = len(pairs) - len(kept)
            pairs = kept
        if facet.newest_first:
            pairs = sorted(pairs, key=lambda item: item[0], reverse=True)
        # Selected values the index does not know: listed (count 0) so they can be removed.
        known = {v for v, _ in pairs}
        pairs += [(v, 0) for v in params.filters.get(facet.param, []) if v not in known]
        shown[facet.param] = (facet, pairs, more, active)
    labels = {"document": _document_labels(shown["document"][1])}
    for facet, pairs, _, active in shown.values():
        if facet.provided and (pairs or active):
            shown_values = list(dict.fromkeys([v for v, _ in pairs] + sorted(active)))
            labels[facet.param] = facet_labels(facet.field, shown_values)
    groups = []
    for facet, pairs, more, active in shown.values():
        named = labels.get(facet.param, {})
        counted = {v for v, _ in counts.get(facet.field, [])}
        values = [
            FacetValue(
                value=value,
                label=named.get(value) or facet.value_label(value),
                count=count,
                active=value in active,
                params=params,
                param=facet.param,
                missing=value not in counted,
            )
            for value, count in pairs
        ]
        if values:
            groups.append(FacetGroup(facet.param, facet.label, values, more))
    return groups


def _document_labels(pairs) -> dict[str, str]:
    slugs = [value for value, _ in pairs]
    if not slugs:
        return {}
    return {
        d.slug: d.label
        for d in Document.objects.filter(slug__in=slugs).only("slug", "symbol", "title")
    }


def _suggestion(sqs, text: str) -> str | None:
    """A different query to offer, or None (also when it only differs in spelling
    variants or word forms the index treats as one: `labour OR labor`)."""
    if not text:
        return None
    suggestion = (sqs.spelling_suggestion() or "").strip()
    if not suggestion or _normal(suggestion) == _normal(text):
        return None
    return suggestion


def _normal(text: str) -> list[str]:
    return [t.text for t in _ANALYZER(text)]


def facet_of(param: str) -> Facet | None:
    return next((f for f in FACETS if f.param == param), None)


def paragraphs_like(paragraph: Paragraph, *, limit: int = 5) -> list[Paragraph]:
    """Published paragraphs whose wording is closest to `paragraph` (more like this)."""
    results = list(SearchQuerySet().more_like_this(paragraph)[:limit])
    pks = [int(r.pk) for r in results if r.model_name == "paragraph"]
    found = {
        p.pk: p
        for p in Paragraph.objects.published()
        .filter(pk__in=pks)
        .select_related("document", "parent__parent")
    }
    return [found[pk] for pk in pks if pk in found]
