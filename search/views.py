"""/search/, /api/search/ and /health/: parse the URL, call a selector, render."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from documents.serializers import absolute

from . import indexing
from .backend import IndexUnavailable
from .forms import SearchForm
from .params import SearchParams, parse_params
from .queue import queue_length
from .selectors import FACET_SHOWN, paragraph_search


@require_safe
def search(request):
    params = parse_params(request.GET)
    outcome = paragraph_search(params, facet_limit=FACET_SHOWN)
    form = SearchForm(initial={"q": params.q, "sort": params.sort})
    pages = range(1, outcome.page_count + 1)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "outcome": outcome,
            "params": params,
            "pages": pages,
            "previous_url": params.url(page=params.page - 1) if params.page > 1 else "",
            "next_url": params.url(page=params.page + 1)
            if params.page < outcome.page_count
            else "",
            "page_urls": [
                (n, params.url(page=n) if n else "") for n in _page_window(params.page, pages)
            ],
            "suggestion_url": _suggestion_url(params, outcome.suggestion),
        },
        status=503 if outcome.unavailable else 200,
    )


@require_safe
def api_search(request):
    params = parse_params(request.GET)
    outcome = paragraph_search(params)
    if outcome.unavailable:
        return _json({"error": "Search is being rebuilt; try again in a minute."}, status=503)
    data = {
        "query": params.q,
        "total": outcome.total,
        "page": params.page,
        "page_count": outcome.page_count,
        "notes": outcome.notes,
        "suggestion": outcome.suggestion,
        "results": [
            {
                "permalink": absolute(hit.paragraph.get_absolute_url()),
                "citation": hit.paragraph.citation,
                "document": hit.paragraph.document.slug,
                "symbol": hit.paragraph.document.symbol,
                "anchor": hit.paragraph.anchor,
                "kind": hit.paragraph.kind,
                "snippet": str(hit.snippet),
                "score": round(hit.score, 4),
            }
            for hit in outcome.hits
        ],
        "facets": {
            group.param: [
                {"value": v.value, "label": v.label, "count": v.count, "active": v.active}
                for v in group.values
            ]
            for group in outcome.facets
        },
    }
    return _json(data)


@never_cache
@require_safe
def health(request):
    database = indexing.database_ok()
    data = {"database": "ok" if database else "error"}
    try:
        data["queue"] = {"length": queue_length(), "oldest_seconds": indexing.queue_age_seconds()}
    except Exception:  # the queue lives in the database that may be down
        data["queue"] = None
    try:
        report = indexing.index_check(fingerprints=False)
        data["index"] = report.as_dict()
        index_ok = True
    except IndexUnavailable as exc:
        data["index"] = {"ok": False, "error": str(exc)}
        index_ok = False
    data["ok"] = bool(database and index_ok)
    return _json(data, status=200 if data["ok"] else 503)


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _page_window(page: int, pages: range) -> list[int | None]:
    """Page numbers to link, None where some are left out: 1 2 3 … 21."""
    last = pages[-1] if pages else 1
    shown = sorted({1, last, *range(max(1, page - 2), min(last, page + 2) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - out[-1] > 1:
            out.append(n - 1 if n - out[-1] == 2 else None)  # a gap of one: just show it
        out.append(n)
    return out


def _suggestion_url(params, suggestion: str | None) -> str:
    if not suggestion:
        return ""
    return SearchParams(suggestion, params.filters, params.sort, 1).url()
