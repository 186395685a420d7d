from collections import defaultdict

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from documents.vocabulary import DocumentType

from . import selectors
from .models import CommitmentType

TYPE_PAGE_LIMIT = 200


@require_safe
def actor_list(request):
    query = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "commitments/actor_list.html",
        {"groups": selectors.actor_groups(query), "query": query},
    )


@require_safe
def actor_detail(request, slug):
    actor = selectors.actor_get(slug)
    if actor is None:
        raise Http404("No such actor")
    by_document = defaultdict(list)
    for c in selectors.actor_commitments(actor):
        by_document[c.paragraph.document].append(c)
    relations = [(r.forward_label, r.target) for r in actor.relations_out.all()] + [
        (r.inverse_label, r.source) for r in actor.relations_in.all()
    ]
    return render(
        request,
        "commitments/actor_detail.html",
        {
            "actor": actor,
            "by_document": list(by_document.items()),
            "by_type": [
                (node, n, selectors.search_url(addressee=actor.slug, ctype=node.ctype.slug))
                for node, n in selectors.actor_type_counts(actor)
            ],
            "addressee_search_url": selectors.search_url(addressee=actor.slug),
            "mentions": selectors.actor_mentions(actor),
            "relations": relations,
        },
    )


@require_safe
def type_list(request):
    return render(request, "commitments/type_list.html", {"tree": selectors.type_tree()})


@require_safe
def type_detail(request, slug):
    ctype = get_object_or_404(CommitmentType.objects.prefetch_related("sdg_targets"), slug=slug)
    slugs = selectors.type_descendant_slugs(slug)
    commitments = selectors.type_commitments(slugs)
    ancestors, node = [], ctype.parent
    while node is not None and node not in ancestors:
        ancestors.insert(0, node)
        node = node.parent
    return render(
        request,
        "commitments/type_detail.html",
        {
            "ctype": ctype,
            "ancestors": ancestors,
            "children": list(ctype.children.all()),
            "commitments": commitments[:TYPE_PAGE_LIMIT],
            "truncated": len(commitments) > TYPE_PAGE_LIMIT,
            "total": len(commitments),
            "by_actor": [
                (a, n, selectors.search_url(addressee=a.slug, ctype=ctype.slug))
                for a, n in selectors.type_actor_counts(ctype.slug)
            ],
        },
    )


def _year(value: str):
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or not 1945 <= int(value) <= 2100:
        raise ValueError(f"“{value}” is not a year.")
    return int(value)


@require_safe
def matrix(request):
    error = ""
    document_type = request.GET.get("type", "")
    if document_type and document_type not in DocumentType.values:
        error, document_type = f"Unknown document type “{document_type}”; showing all.", ""
    try:
        year_from, year_to = _year(request.GET.get("from")), _year(request.GET.get("to"))
    except ValueError as exc:
        error, year_from, year_to = f"{exc} Showing all years.", None, None
    depth = 1 if request.GET.get("depth") == "1" else 0
    data = selectors.matrix(
        document_type=document_type, year_from=year_from, year_to=year_to, depth=depth
    )
    options = selectors.matrix_filter_options()
    labels = dict(DocumentType.choices)
    return render(
        request,
        "commitments/matrix.html",
        {
            "matrix": data,
            "filters": {"type": document_type, "from": year_from, "to": year_to, "depth": depth},
            "years": options["years"],
            "document_types": [(t, labels.get(t, t)) for t in options["document_types"]],
            "type_label": labels.get(document_type, document_type),
            "error": error,
        },
        status=200,
    )
