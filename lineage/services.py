"""Writes of lineage data: links between paragraphs, their shingle index, and series.

- `lineage_rebuild()`: the whole corpus, from scratch (the `link_paragraphs` command).
- `lineage_update_document(document=...)`: one document against the rest, through the
  stored shingle index (on import, via the `document_imported` signal).
- `series_rebuild()`: regroups documents into series (cheap; runs with both).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.text import slugify

from documents.models import Document, DocumentRelation, Paragraph
from documents.vocabulary import DocumentType, Kind, Relation

from . import matching, selectors
from .models import ParagraphLink, ParagraphShingle, Series, SeriesMember
from .series import (
    SeriesDocument,
    clean_series_title,
    group_series,
    series_body_key,
    series_title_key,
)

logger = logging.getLogger(__name__)

# Documents that can open or continue a series of re-adopted texts.
SERIES_TYPES = [DocumentType.RESOLUTION, DocumentType.POLITICAL_DECLARATION]


@dataclass
class LinkStats:
    paragraphs: int = 0
    links: int = 0
    shingles: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (
            f"{self.paragraphs} paragraphs, {self.links} links, {self.shingles} shingles "
            f"in {self.seconds:.1f} s"
        )


def _linkable_paragraphs():
    return Paragraph.objects.exclude(kind=Kind.HEADING)


def lineage_rebuild(*, dry_run: bool = False) -> LinkStats:
    """Recompute every link and the whole shingle index. One transaction.

    With `dry_run`, computes and counts but writes nothing.
    """
    started = time.perf_counter()
    rows = _linkable_paragraphs().values_list("pk", "document_id", "text").iterator(chunk_size=5000)
    passages = [matching.Passage(pk, document_id, text) for pk, document_id, text in rows]
    prepared = matching.prepare(passages)
    index = matching.ShingleIndex()
    for key, sh in prepared.shingles.items():
        index.add(key, sh)
    links: list[matching.Link] = []
    for key, sh in prepared.shingles.items():
        ranked = matching.rank_candidates(sh, index.postings, exclude=(key,))
        scored = matching.score_against(prepared, key, (k for k, _ in ranked))
        links.extend(matching.best_per_group(prepared, key, scored))

    shingle_count = sum(len(sh) for sh in prepared.shingles.values())
    if not dry_run:
        with transaction.atomic():
            ParagraphLink.objects.all().delete()
            ParagraphShingle.objects.all().delete()
            _write_links(links)
            _write_shingles(prepared.shingles)
            series_rebuild()
    stats = LinkStats(len(passages), len(links), shingle_count, time.perf_counter() - started)
    logger.info("Lineage rebuilt: %s", stats)
    return stats


def _write_shingles(shingles: dict[int, set[int]]) -> int:
    rows = ((pk, value) for pk, values in shingles.items() for value in values)
    return _insert_rows(ParagraphShingle, ["paragraph_id", "shingle"], rows)


def _insert_rows(model, columns: list[str], rows: Iterable[tuple], batch: int = 500) -> int:
    """Multi-row INSERTs with plain values: millions of rows without a model instance each.

    `bulk_create` spends most of its time building and preparing instances; for derived
    rows with no defaults or signals, plain parameters are an order of magnitude faster
    and portable (SQLite and PostgreSQL both take multi-row VALUES).
    """
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
    count = 0
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, batch):
            values = ", ".join([placeholder] * len(chunk))
            params = [value for row in chunk for value in row]
            cursor.execute(f"INSERT INTO {table} ({names}) VALUES {values}", params)
            count += len(chunk)
    return count


def _chunks(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write_links(links: list[matching.Link]) -> int:
    rows = ((link.source, link.target, link.score, link.similarity.value) for link in links)
    return _insert_rows(
        ParagraphLink, ["paragraph_id", "counterpart_id", "score", "similarity"], rows
    )


def lineage_update_document(*, document: Document) -> LinkStats:
    """Recompute the links from and to one document's paragraphs, and its shingles.

    Cost depends on the document and on how many stored paragraphs share its rare
    word pairs, not on the size of the corpus (apart from index lookups).
    """
    started = time.perf_counter()
    with transaction.atomic():
        own = list(_linkable_paragraphs().filter(document=document).values_list("pk", "text"))
        own_prepared = matching.prepare(matching.Passage(pk, document.pk, text) for pk, text in own)
        all_shingles = set().union(*own_prepared.shingles.values()) if own else set()
        postings = selectors.shingle_postings(all_shingles, exclude_document=document.pk)
        candidates = {
            key: [k for k, _ in matching.rank_candidates(sh, postings)]
            for key, sh in own_prepared.shingles.items()
        }
        wanted = {k for keys in candidates.values() for k in keys}
        others = Paragraph.objects.filter(pk__in=wanted).values_list("pk", "document_id", "text")
        prepared = matching.Prepared(encoder=own_prepared.encoder)
        for pk, text in own:
            prepared.add(matching.Passage(pk, document.pk, text))
        for pk, document_id, text in others:
            prepared.add(matching.Passage(pk, document_id, text))
        links = matching.link_group(prepared, list(own_prepared.passages), candidates)

        # Delete by a list of paragraph ids: a filter across the join (even written as
        # `paragraph_id__in=<subquery>`, which Django folds back into a join) becomes
        # `id IN (SELECT ... JOIN ...)`, which PostgreSQL without statistics (a fresh
        # database) runs as a nested loop: minutes for a few thousand shingles.
        own_ids = list(Paragraph.objects.filter(document=document).values_list("pk", flat=True))
        ParagraphLink.objects.filter(paragraph_id__in=own_ids).delete()
        ParagraphLink.objects.filter(counterpart_id__in=own_ids).delete()
        # An incoming link replaces the other paragraph's previous best in this document.
        _write_links(links)
        ParagraphShingle.objects.filter(paragraph_id__in=own_ids).delete()
        shingle_count = _write_shingles(own_prepared.shingles)
        series_rebuild()
    stats = LinkStats(len(own), len(links), shingle_count, time.perf_counter() - started)
    logger.info("Lineage of %s updated: %s", document.slug, stats)
    return stats


def series_rebuild() -> int:
    """Regroup resolutions into series; returns the number of series.

    A series keeps its row (and so its slug and URL) while most of its documents stay in it.
    """
    documents = list(
        Document.objects.filter(document_type__in=SERIES_TYPES).values_list("pk", "title", "body")
    )
    relations = DocumentRelation.objects.filter(
        relation=Relation.PREVIOUS_IN_SERIES, target__isnull=False
    ).values_list("source_id", "target_id")
    groups = group_series(
        (SeriesDocument(pk, title, body) for pk, title, body in documents), relations
    )
    by_pk = {pk: (title, body) for pk, title, body in documents}
    existing = {s.key: s for s in Series.objects.all()}
    by_id = {s.pk: s for s in existing.values()}
    current = dict(SeriesMember.objects.values_list("document_id", "series_id"))
    kept: set[int] = set()
    memberships: list[SeriesMember] = []
    for group in groups:
        # Titles agree within a group unless a curator linked drifted ones; then the
        # most recently imported title names a new series.
        title, body = by_pk[group[-1]]
        key = f"{series_body_key(body)}|{series_title_key(title)}"
        # A group keeps the series most of its documents were in, so its URL is stable.
        previous = Counter(current[pk] for pk in group if current.get(pk) not in (None, *kept))
        series = by_id[previous.most_common(1)[0][0]] if previous else existing.get(key)
        if series is None or series.pk in kept:
            series = Series.objects.create(
                key=_free_key(key, existing),
                title=clean_series_title(title),
                body=body,
                slug=_free_slug(title),
            )
            existing[series.key] = series
        kept.add(series.pk)
        memberships.extend(SeriesMember(series=series, document_id=pk) for pk in group)
    SeriesMember.objects.all().delete()
    SeriesMember.objects.bulk_create(memberships)
    Series.objects.exclude(pk__in=kept).delete()
    return len(kept)


def _free_key(key: str, existing: dict) -> str:
    candidate, n = key, 2
    while candidate in existing:
        candidate, n = f"{key}|{n}", n + 1
    return candidate


def _free_slug(title: str) -> str:
    base = slugify(clean_series_title(title))[:100] or "series"
    slug, n = base, 2
    while Series.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
