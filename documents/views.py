from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from . import selectors, serializers
from .extensions import document_panels, paragraph_panels, render_panels
from .models import Document
from .vocabulary import DocumentType

# Redirects from old anchors and slugs, and "removed" pages, can change when a document is
# re-imported (a removed paragraph restored): browsers must not keep them forever.
REDIRECT_MAX_AGE = 3600


def _revalidating(response):
    patch_cache_control(response, max_age=REDIRECT_MAX_AGE, must_revalidate=True)
    return response


def _published_or_redirect(slug: str, suffix: str = ""):
    """The published document at `slug`, or a permanent redirect from an old slug."""
    document = selectors.document_get_published(slug)
    if document:
        return document, None
    moved = selectors.document_slug_redirect(slug)
    if moved:
        return None, _revalidating(redirect(moved.get_absolute_url() + suffix, permanent=True))
    raise Http404("No such document")


@require_safe
def home(request):
    documents = selectors.document_list()[:8]
    return render(request, "documents/home.html", {"documents": documents})


@require_safe
def document_list(request):
    filters = {
        "document_type": request.GET.get("type", ""),
        "body": request.GET.get("body", ""),
        "year": request.GET.get("year", ""),
        "sort": request.GET.get("sort", "newest"),
    }
    documents = selectors.document_list(**filters)
    options = selectors.document_filter_options()
    type_labels = dict(DocumentType.choices)
    return render(
        request,
        "documents/document_list.html",
        {
            "documents": documents,
            "filters": filters,
            "types": [(value, type_labels.get(value, value)) for value in options["types"]],
            "bodies": options["bodies"],
            "years": options["years"],
            "sorts": list(selectors.SORTS),
        },
    )


@require_safe
def document_detail(request, slug):
    document, moved = _published_or_redirect(slug)
    if moved:
        return moved
    paragraphs = selectors.document_paragraphs(document)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "paragraphs": paragraphs,
            "footnotes": document.footnotes.all(),
            "relations": selectors.document_relations(document),
            "panels": render_panels(document_panels, document, request),
        },
    )


@require_safe
def paragraph_detail(request, slug, anchor):
    document, moved = _published_or_redirect(slug, f"{anchor}/")
    if moved:
        return moved
    found = selectors.paragraph_lookup(document, anchor)
    if found.redirect_to:
        return _revalidating(redirect(found.redirect_to.get_absolute_url(), permanent=True))
    if found.removed:
        response = render(
            request,
            "documents/paragraph_gone.html",
            {"document": document, "removed": found.removed},
            status=410,
        )
        patch_cache_control(response, no_cache=True)
        return response
    if not found.paragraph:
        raise Http404("No such paragraph")
    paragraph = found.paragraph
    previous, following = selectors.paragraph_neighbours(paragraph)
    return render(
        request,
        "documents/paragraph_detail.html",
        {
            "document": document,
            "paragraph": paragraph,
            "children": selectors.paragraph_children(paragraph),
            "previous": previous,
            "next": following,
            "permalink": serializers.absolute(paragraph.get_absolute_url()),
            "panels": render_panels(paragraph_panels, paragraph, request),
        },
    )


@require_safe
def symbol_redirect(request, symbol):
    document = selectors.document_by_symbol(symbol)
    if document:
        return redirect(document.get_absolute_url())
    return render(
        request,
        "documents/symbol_not_found.html",
        {"symbol": symbol, "nearest": selectors.documents_nearest(symbol)},
        status=404,
    )


# JSON twins -----------------------------------------------------------------


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


@require_safe
def api_document_list(request):
    documents = selectors.documents_for_api()
    return _json(
        {"count": len(documents), "results": [serializers.document_summary(d) for d in documents]}
    )


@require_safe
def api_document_detail(request, slug):
    document = selectors.document_get_published(slug)
    if not document:
        moved = selectors.document_slug_redirect(slug)
        if moved:
            return _revalidating(redirect(f"/api/documents/{moved.slug}/", permanent=True))
        return _json({"error": f"No published document with slug {slug!r}."}, status=404)
    paragraphs = selectors.document_paragraphs(document)
    relations = selectors.document_relations(document)
    return _json(serializers.document_detail(document, paragraphs, relations))


@require_safe
def api_paragraph_detail(request, slug, anchor):
    document = get_object_or_404(Document.objects.published(), slug=slug)
    found = selectors.paragraph_lookup(document, anchor)
    if found.redirect_to:
        target = f"/api/documents/{slug}/{found.redirect_to.anchor}/"
        return _revalidating(redirect(target, permanent=True))
    if found.removed:
        response = _json(
            {"error": "This paragraph is no longer in this document.", "anchor": anchor},
            status=410,
        )
        patch_cache_control(response, no_cache=True)
        return response
    if not found.paragraph:
        return _json({"error": f"No paragraph {anchor!r} in {slug}."}, status=404)
    paragraph = found.paragraph
    items = [paragraph, *selectors.paragraph_children(paragraph)]
    data = serializers.paragraphs_data(items)
    result = data[0]
    result["document"] = serializers.document_summary(document)
    result["subparagraphs"] = data[1:]
    return _json(result)
