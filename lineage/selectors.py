"""Reads of lineage data for pages, panels, the API and the benchmark."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import Coalesce

from documents.models import Document, DocumentRelation, Paragraph
from documents.selectors import document_paragraphs
from documents.vocabulary import DocumentType, Kind, Relation

from . import matching
from .models import ParagraphLink, ParagraphShingle, Series, SeriesMember

# Texts a drafter can quote as agreed language: adopted, not drafts or correspondence.
NOT_ADOPTED_TYPES = [DocumentType.DRAFT_RESOLUTION, DocumentType.LETTER, DocumentType.REPORT]
# "First adopted in" names the oldest of these; drafts and letters are "first drafted in".
ADOPTED_TYPES = {DocumentType.RESOLUTION, DocumentType.POLITICAL_DECLARATION}
QUERY_MAX_CHARS = 5000


def _sort_key(document: Document) -> tuple:
    date = document.date
    return (date is None, date or dt.date.max, document.slug)


def newer_first(a: Document, b: Document) -> bool:
    """True when `a` is dated after `b`: a comparison of them reads backwards in time."""
    return a.date is not None and b.date is not None and a.date > b.date


# Paragraph lineage ---------------------------------------------------------------------


@dataclass
class Counterpart:
    link: ParagraphLink
    paragraph: Paragraph
    older: bool  # the counterpart's document predates this paragraph's
    diff: list[matching.Segment]

    @property
    def document(self) -> Document:
        return self.paragraph.document


@dataclass
class ParagraphLineage:
    paragraph: Paragraph
    counterparts: list[Counterpart]
    # The oldest adopted text (resolution or declaration) with this language, which may be
    # the paragraph itself; None when no adopted text has it.
    first_adopted: Paragraph | None
    # The oldest draft or letter with it, when older than `first_adopted` and not the
    # paragraph itself.
    first_drafted: Paragraph | None


def is_adopted_text(document: Document) -> bool:
    return document.document_type in ADOPTED_TYPES


def paragraph_lineage(paragraph: Paragraph) -> ParagraphLineage:
    """The paragraph's counterparts in other published documents, oldest first. One query."""
    links = list(ParagraphLink.objects.published().filter(paragraph=paragraph).for_display())
    own_key = _sort_key(paragraph.document)
    counterparts = []
    for link in links:
        other = link.counterpart
        older = _sort_key(other.document) < own_key
        diff = (
            matching.word_diff(other.text, paragraph.text)
            if older
            else matching.word_diff(paragraph.text, other.text)
        )
        counterparts.append(Counterpart(link, other, older, diff))
    counterparts.sort(key=lambda c: _sort_key(c.document))
    versions = sorted(
        [paragraph, *(c.paragraph for c in counterparts)], key=lambda p: _sort_key(p.document)
    )
    first_adopted = next((p for p in versions if is_adopted_text(p.document)), None)
    first_drafted = next((p for p in versions if not is_adopted_text(p.document)), None)
    if first_drafted is not None and (
        first_drafted.pk == paragraph.pk
        or (
            first_adopted is not None
            and _sort_key(first_adopted.document) <= _sort_key(first_drafted.document)
        )
    ):
        first_drafted = None
    return ParagraphLineage(paragraph, counterparts, first_adopted, first_drafted)


def counterparts_by_paragraph(paragraphs: list[Paragraph]) -> dict[int, list[ParagraphLink]]:
    """Links of many paragraphs at once (one query), each list oldest counterpart first."""
    found: dict[int, list[ParagraphLink]] = defaultdict(list)
    if not paragraphs:
        return found
    links = (
        ParagraphLink.objects.published()
        .filter(paragraph__in=[p.pk for p in paragraphs])
        .for_display()
    )
    for link in links:
        found[link.paragraph_id].append(link)
    return found


# Document comparison -------------------------------------------------------------------


@dataclass
class ComparisonRow:
    status: str
    a: Paragraph | None
    b: Paragraph | None
    score: float
    similarity: str
    diff: list[matching.Segment]
    change: int | None = None  # 1, 2, ... for rows that differ; None for identical ones


@dataclass
class Comparison:
    a: Document
    b: Document
    rows: list[ComparisonRow]
    counts: dict[str, int]

    @property
    def changes(self) -> int:
        """Rows that differ: changed, moved, added or removed."""
        return sum(1 for row in self.rows if row.change is not None)


def comparable_paragraphs(document: Document) -> list[Paragraph]:
    return [p for p in document_paragraphs(document) if p.kind != Kind.HEADING]


def document_comparison(a: Document, b: Document) -> Comparison:
    """Align `a` (older or draft) with `b` paragraph by paragraph. Two queries."""
    a_paras, b_paras = comparable_paragraphs(a), comparable_paragraphs(b)
    aligned = matching.align([p.text for p in a_paras], [p.text for p in b_paras])
    rows = []
    for row in aligned:
        pa = a_paras[row.a] if row.a is not None else None
        pb = b_paras[row.b] if row.b is not None else None
        diff = []
        if pa and pb and row.similarity != matching.Similarity.IDENTICAL:
            diff = matching.word_diff(pa.text, pb.text)
        change = None
        if row.status != matching.RowStatus.MATCHED:
            change = sum(1 for r in rows if r.change is not None) + 1
        rows.append(
            ComparisonRow(row.status.value, pa, pb, row.score, row.similarity.value, diff, change)
        )
    return Comparison(a, b, rows, matching.row_counts(aligned))


@dataclass
class NaturalComparison:
    label: str
    document: Document
    older: Document  # shown on the left of the comparison
    newer: Document
    shared: int | None = None  # paragraphs in common, when known


def natural_comparisons(document: Document) -> list[NaturalComparison]:
    """Documents worth comparing with this one: its draft or adopted form, its
    neighbours in a series, and those it shares most paragraphs with. Four queries."""
    found: list[NaturalComparison] = []
    seen = {document.pk}

    def add(label: str, other: Document, shared: int | None = None) -> None:
        if other.pk in seen or not other.is_published:
            return
        seen.add(other.pk)
        older, newer = (
            (other, document) if _sort_key(other) <= _sort_key(document) else (document, other)
        )
        found.append(NaturalComparison(label, other, older, newer, shared))

    drafts = DocumentRelation.objects.filter(relation=Relation.DRAFT_OF).select_related(
        "source", "target"
    )
    for r in drafts.filter(Q(source=document) | Q(target=document), target__isnull=False):
        if r.source_id == document.pk:
            add("Adopted as", r.target)
        else:
            add("Draft", r.source)

    membership = SeriesMember.objects.filter(document=document).first()
    if membership:
        members = sorted(
            (m.document for m in membership.series.members.select_related("document")),
            key=_sort_key,
        )
        members = [m for m in members if m.is_published or m.pk == document.pk]
        at = next(i for i, m in enumerate(members) if m.pk == document.pk)
        if at > 0:
            add("Previous in series", members[at - 1])
        if at + 1 < len(members):
            add("Next in series", members[at + 1])

    shared = (
        ParagraphLink.objects.published()
        .filter(paragraph__document=document)
        .values("counterpart__document")
        .annotate(n=Count("id"))
        .order_by("-n")[:6]
    )
    counts = {row["counterpart__document"]: row["n"] for row in shared}
    for other in Document.objects.filter(pk__in=counts):
        if other.pk not in seen:
            add("Shares language", other, counts[other.pk])
    for item in found:
        if item.shared is None:
            item.shared = counts.get(item.document.pk, 0)
    found.sort(key=lambda c: (c.label == "Shares language", -(c.shared or 0)))
    return found


# Series --------------------------------------------------------------------------------


def series_list():
    return Series.objects.with_counts().prefetch_related("members__document").order_by("title")


def series_documents(series: Series) -> list[Document]:
    """Published documents of a series, oldest first."""
    documents = [m.document for m in series.members.select_related("document")]
    return sorted((d for d in documents if d.is_published), key=_sort_key)


@dataclass
class Version:
    document: Document
    paragraph: Paragraph | None
    similarity: str = ""
    diff: list[matching.Segment] = field(default_factory=list)  # from the previous version


@dataclass
class ParagraphHistory:
    paragraph: Paragraph
    versions: list[Version]

    @property
    def first(self) -> Version:
        return next(v for v in self.versions if v.paragraph is not None)


def series_histories(documents: list[Document]) -> list[ParagraphHistory]:
    """For each operative paragraph of the newest document, its text across the series.

    Two queries: the newest document's operative paragraphs, and their links into the
    other documents of the series.
    """
    if not documents:
        return []
    newest, earlier = documents[-1], documents[:-1]
    paragraphs = list(
        Paragraph.objects.in_document(newest)
        .top_level()
        .filter(kind=Kind.OPERATIVE)
        .select_related("document")
        .order_by("position")
    )
    if not paragraphs:  # a declaration: its annex paragraphs carry the commitments
        paragraphs = list(
            Paragraph.objects.in_document(newest)
            .top_level()
            .filter(kind=Kind.ANNEX)
            .select_related("document")
            .order_by("position")
        )
    links = ParagraphLink.objects.filter(
        paragraph__in=paragraphs, counterpart__document__in=earlier
    ).select_related("counterpart__document", "counterpart__parent")
    by_pair = {(link.paragraph_id, link.counterpart.document_id): link for link in links}
    histories = []
    for p in paragraphs:
        versions = []
        previous_text = None
        for document in earlier:
            link = by_pair.get((p.pk, document.pk))
            if link is None:
                versions.append(Version(document, None))
                continue
            other = link.counterpart
            diff = matching.word_diff(previous_text, other.text) if previous_text else []
            versions.append(Version(document, other, link.similarity, diff))
            previous_text = other.text
        diff = matching.word_diff(previous_text, p.text) if previous_text else []
        similarity = ""
        if previous_text is not None:
            similarity = matching.classify(
                matching.similarity(previous_text, p.text),
                matching.tokens(previous_text) == matching.tokens(p.text),
            ).value
        versions.append(Version(newest, p, similarity, diff))
        histories.append(ParagraphHistory(p, versions))
    return histories


# Agreed language -----------------------------------------------------------------------


def shingle_postings(
    shingles: set[int], *, exclude_document: int | None = None, max_df: int = matching.MAX_DF
) -> dict[int, list[int]]:
    """Stored postings (shingle -> paragraph ids) for the rare shingles among `shingles`.

    Two queries: document frequencies first (a count over the index), then the postings
    of shingles no more common than `max_df`, plus the two rarest so that boilerplate
    still finds its twins (see `matching.rank_candidates`).
    """
    if not shingles:
        return {}
    stored = ParagraphShingle.objects.filter(shingle__in=list(shingles))
    if exclude_document is not None:
        stored = stored.exclude(paragraph__document_id=exclude_document)
    frequencies = dict(stored.values("shingle").annotate(n=Count("id")).values_list("shingle", "n"))
    wanted = {s for s, n in frequencies.items() if n <= max_df}
    wanted |= {s for s, _ in sorted(frequencies.items(), key=lambda item: item[1])[:2]}
    postings: dict[int, list[int]] = defaultdict(list)
    rows = stored.filter(shingle__in=list(wanted)).values_list("shingle", "paragraph_id")
    for shingle, paragraph_id in rows:
        postings[shingle].append(paragraph_id)
    return postings


class QueryError(ValueError):
    """The pasted text cannot be checked; the message says why, for the user."""


@dataclass
class AgreedMatch:
    paragraph: Paragraph
    score: float
    similarity: str
    within: bool
    excerpt: str
    diff: list[matching.Segment]


def clean_query(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > QUERY_MAX_CHARS:
        raise QueryError(
            f"That text is {len(text):,} characters long; paste at most {QUERY_MAX_CHARS:,} "
            "(a paragraph or two)."
        )
    if len(matching.tokens(text)) < matching.MIN_TOKENS:
        raise QueryError(f"Type at least {matching.MIN_TOKENS} words to check.")
    return text


def agreed_language(
    text: str, *, include_drafts: bool = False, limit: int = 10
) -> list[AgreedMatch]:
    """The stored paragraphs closest to `text`, best first. Four queries.

    Raises QueryError for text too short or too long to check.
    """
    text = clean_query(text)
    words = matching.tokens(text)
    postings = shingle_postings(matching.shingles(words))
    ranked = matching.rank_candidates(matching.shingles(words), postings, limit=200)
    if not ranked:
        return []
    candidates = Paragraph.objects.filter(
        pk__in=[k for k, _ in ranked], document__is_published=True
    )
    if not include_drafts:
        candidates = candidates.exclude(document__document_type__in=NOT_ADOPTED_TYPES).exclude(
            document__adopted__isnull=True
        )
    by_pk = {p.pk: p for p in candidates.select_related("document", "parent__parent")}
    found = matching.match_query(text, {pk: p.text for pk, p in by_pk.items()}, limit=limit)
    return [
        AgreedMatch(
            paragraph=by_pk[m.key],
            score=m.score,
            similarity=m.similarity.value,
            within=m.within,
            excerpt=m.excerpt,
            diff=matching.word_diff(m.excerpt, text),
        )
        for m in found
    ]


def order_by_date(documents):
    """Documents oldest first; undated ones last."""
    return documents.order_by(Coalesce("adopted", "distributed").asc(nulls_last=True), "slug")
