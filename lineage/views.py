from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from documents import selectors as document_selectors
from documents.models import Document

from . import selectors, serializers
from .models import Series


def _document(slug: str) -> tuple[Document | None, Document | None]:
    """(published document, None) or (None, the document an old slug moved to)."""
    document = document_selectors.document_get_published(slug)
    if document:
        return document, None
    moved = document_selectors.document_slug_redirect(slug)
    if moved:
        return None, moved
    return None, None


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _chooser(request, slug_a: str, slug_b: str, error: str = "", status: int = 200):
    """The form to choose two documents, with the choices kept and the error shown."""
    return render(
        request,
        "lineage/compare_start.html",
        {
            "documents": selectors.order_by_date(Document.objects.published()),
            "a": slug_a,
            "b": slug_b,
            "error": error,
        },
        status=status,
    )


def _unknown(slug: str) -> str:
    return f"No published document “{slug}”. Choose one from the list."


@require_safe
def compare_start(request):
    slug_a, slug_b = request.GET.get("a", "").strip(), request.GET.get("b", "").strip()
    if not (slug_a or slug_b):
        return _chooser(request, "", "")
    if not (slug_a and slug_b):
        return _chooser(request, slug_a, slug_b, "Choose two documents.", 400)
    if slug_a == slug_b:
        return _chooser(request, slug_a, "", "Choose two different documents.", 400)
    (a, moved_a), (b, moved_b) = _document(slug_a), _document(slug_b)
    a, b = a or moved_a, b or moved_b
    for slug, document in ((slug_a, a), (slug_b, b)):
        if document is None:
            return _chooser(request, a.slug if a else "", b.slug if b else "", _unknown(slug), 400)
    return redirect("lineage:compare", slug_a=a.slug, slug_b=b.slug)


@require_safe
def compare(request, slug_a, slug_b):
    a, moved_a = _document(slug_a)
    b, moved_b = _document(slug_b)
    if moved_a or moved_b:
        slug_a = moved_a.slug if moved_a else slug_a
        slug_b = moved_b.slug if moved_b else slug_b
        return redirect("lineage:compare", slug_a=slug_a, slug_b=slug_b, permanent=True)
    for slug, document in ((slug_a, a), (slug_b, b)):
        if document is None:
            return _chooser(request, a.slug if a else "", b.slug if b else "", _unknown(slug), 404)
    if a.pk == b.pk:
        return _chooser(request, slug_a, "", "Choose two different documents.", 400)
    comparison = selectors.document_comparison(a, b)
    # Only the differences, unless asked for everything (?changes=0) or there are none.
    only_changes = comparison.changes > 0 and request.GET.get("changes") != "0"
    return render(
        request,
        "lineage/compare.html",
        {
            "comparison": comparison,
            "only_changes": only_changes,
            "changes_url": f"{request.path}?changes=1",
            "all_url": f"{request.path}?changes=0",
            "newer_first": selectors.newer_first(a, b),
            "swap_url": reverse("lineage:compare", kwargs={"slug_a": b.slug, "slug_b": a.slug}),
        },
    )


@require_safe
def api_compare(request, slug_a, slug_b):
    a, _ = _document(slug_a)
    b, _ = _document(slug_b)
    missing = [slug for slug, doc in ((slug_a, a), (slug_b, b)) if doc is None]
    if missing:
        return _json({"error": f"No published document with slug {missing[0]!r}."}, status=404)
    if a.pk == b.pk:
        return _json({"error": "Compare two different documents."}, status=400)
    return _json(serializers.comparison_data(selectors.document_comparison(a, b)))


@require_safe
def series_list(request):
    return render(request, "lineage/series_list.html", {"series_list": selectors.series_list()})


@require_safe
def series_detail(request, slug):
    series = get_object_or_404(Series, slug=slug)
    documents = selectors.series_documents(series)
    return render(
        request,
        "lineage/series_detail.html",
        {
            "series": series,
            "timeline": list(zip(documents, [None, *documents[:-1]], strict=True)),
            "newest": documents[-1] if documents else None,
            "histories": selectors.series_histories(documents),
        },
    )


def _agreed_language_query(request):
    text = request.GET.get("text", "")
    include_drafts = request.GET.get("drafts") == "1"
    matches, error = [], ""
    if text.strip():
        try:
            matches = selectors.agreed_language(text, include_drafts=include_drafts)
        except selectors.QueryError as exc:
            error = str(exc)
    return text, include_drafts, matches, error


@require_safe
def agreed_language(request):
    text, include_drafts, matches, error = _agreed_language_query(request)
    context = {
        "text": text,
        "include_drafts": include_drafts,
        "matches": matches,
        "error": error,
        "searched": bool(text.strip()),
    }
    template = "lineage/agreed_language.html"
    if request.GET.get("fragment") == "1":
        template = "lineage/includes/agreed_results.html"
    return render(request, template, context, status=400 if error else 200)


@require_safe
def api_agreed_language(request):
    text, include_drafts, matches, error = _agreed_language_query(request)
    if not text.strip():
        return _json({"error": "Give the text to check as ?text=..."}, status=400)
    if error:
        return _json({"error": error}, status=400)
    return _json(
        {
            "text": text,
            "include_drafts": include_drafts,
            "count": len(matches),
            "results": [serializers.agreed_match_data(m) for m in matches],
        }
    )
