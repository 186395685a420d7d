"""Reads used by views, the API and commands."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from rapidfuzz import fuzz, process

from .models import Document, DocumentRelation, DocumentSlugRedirect, Paragraph, ParagraphRedirect
from .symbols import normalize_symbol, symbol_candidates

SORTS = {
    "newest": ("-sort_date", "slug"),
    "oldest": ("sort_date", "slug"),
    "symbol": ("symbol_key", "slug"),
    "title": ("title",),
    "paragraphs": ("-paragraph_count", "slug"),
}


def document_list(*, document_type: str = "", body: str = "", year: str = "", sort: str = ""):
    documents = Document.objects.published().with_paragraph_counts().with_sort_date()
    if document_type:
        documents = documents.filter(document_type=document_type)
    if body:
        documents = documents.filter(body=body)
    if year.isdigit():
        year_q = Q(adopted__year=int(year)) | Q(adopted__isnull=True, distributed__year=int(year))
        documents = documents.filter(year_q)
    return documents.order_by(*SORTS.get(sort, SORTS["newest"]))


def document_filter_options() -> dict[str, list]:
    """The values the document list can be filtered on, from published documents."""
    published = Document.objects.published()
    years = {d.year for d in published.values_list("adopted", flat=True) if d} | {
        d.year
        for d in published.filter(adopted__isnull=True).values_list("distributed", flat=True)
        if d
    }
    return {
        "types": sorted(set(published.values_list("document_type", flat=True))),
        "bodies": sorted(set(published.exclude(body="").values_list("body", flat=True))),
        "years": sorted(years, reverse=True),
    }


def document_get_published(slug: str) -> Document | None:
    return Document.objects.published().filter(slug=slug).first()


def document_slug_redirect(slug: str) -> Document | None:
    redirect = DocumentSlugRedirect.objects.select_related("document").filter(old_slug=slug)
    found = redirect.first()
    return found.document if found and found.document.is_published else None


def document_paragraphs(document: Document) -> list[Paragraph]:
    """All paragraphs in reading order, footnotes prefetched, with the document attached."""
    paragraphs = list(
        Paragraph.objects.in_document(document).prefetch_related("footnotes").order_by("position")
    )
    by_pk = {p.pk: p for p in paragraphs}
    for p in paragraphs:
        p.document = document  # no query per paragraph for citations
        p.parent = by_pk.get(p.parent_id)
    return paragraphs


@dataclass
class RelatedDocument:
    label: str
    document: Document | None
    symbol: str
    cited_as: str
    anchor: str


def document_relations(document: Document) -> list[RelatedDocument]:
    """Relations in both directions, each named from this document's side."""
    related = []
    outgoing = document.relations_out.select_related("target")
    for r in outgoing:
        target = r.target if r.target and r.target.is_published else None
        related.append(
            RelatedDocument(r.forward_label, target, r.target_symbol, r.cited_as, r.anchor)
        )
    incoming = DocumentRelation.objects.filter(target=document, source__is_published=True)
    for r in incoming.select_related("source"):
        related.append(RelatedDocument(r.inverse_label, r.source, r.source.label, "", ""))
    order = [
        "Adopted as",
        "Draft",
        "Annex of",
        "Has annex",
        "Transmits",
        "Transmitted by",
        "Previous in series",
        "Next in series",
        "Recalls",
        "Recalled by",
    ]
    related.sort(
        key=lambda r: (
            order.index(r.label) if r.label in order else 99,
            r.document is None,
            r.symbol,
        )
    )
    return related


@dataclass
class ParagraphLookup:
    paragraph: Paragraph | None = None
    redirect_to: Paragraph | None = None
    removed: ParagraphRedirect | None = None


def paragraph_lookup(document: Document, anchor: str) -> ParagraphLookup:
    paragraph = (
        Paragraph.objects.in_document(document)
        .filter(anchor=anchor)
        .select_related("document", "parent", "parent__parent")
        .prefetch_related("footnotes")
        .first()
    )
    if paragraph:
        return ParagraphLookup(paragraph=paragraph)
    old = (
        ParagraphRedirect.objects.filter(document=document, old_anchor=anchor)
        .select_related("paragraph")
        .first()
    )
    if old and old.paragraph:
        return ParagraphLookup(redirect_to=old.paragraph)
    if old:
        return ParagraphLookup(removed=old)
    return ParagraphLookup()


def paragraph_children(paragraph: Paragraph) -> list[Paragraph]:
    """Sub-paragraphs (and their own) in reading order."""
    descendants = []
    frontier = [paragraph]
    while frontier:
        children = list(Paragraph.objects.filter(parent__in=frontier).prefetch_related("footnotes"))
        descendants.extend(children)
        by_pk = {p.pk: p for p in frontier}
        for child in children:
            child.document = paragraph.document
            child.parent = by_pk.get(child.parent_id, child.parent)
        frontier = children
    return sorted(descendants, key=lambda p: p.position)


def paragraph_neighbours(paragraph: Paragraph) -> tuple[Paragraph | None, Paragraph | None]:
    """The previous and next top-level paragraphs of the same document."""
    siblings = (
        Paragraph.objects.in_document(paragraph.document)
        .top_level()
        .only("anchor", "number", "kind", "part", "position", "document_id")
    )
    previous = siblings.filter(position__lt=paragraph.position).order_by("-position").first()
    following = siblings.filter(position__gt=paragraph.position).order_by("position").first()
    return previous, following


def document_by_symbol(text: str) -> Document | None:
    published = Document.objects.published()
    for candidate in symbol_candidates(text):
        found = published.filter(symbol_key=normalize_symbol(candidate)).first()
        if found:
            return found
    cleaned = text.strip().strip("/")
    return (
        published.filter(resolution_number__iexact=cleaned).first()
        or published.filter(slug=cleaned.lower()).first()
    )


def documents_nearest(text: str, limit: int = 5) -> list[Document]:
    """Published documents whose symbol or title is closest to `text` (for a 404 page)."""
    documents = list(Document.objects.published())
    choices = {d.pk: f"{d.symbol} {d.resolution_number} {d.title}" for d in documents}
    matches = process.extract(text, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=40)
    by_pk = {d.pk: d for d in documents}
    return [by_pk[key] for _, _, key in matches]


def documents_for_api():
    return (
        Document.objects.published()
        .with_paragraph_counts()
        .with_sort_date()
        .order_by(*SORTS["newest"])
    )
