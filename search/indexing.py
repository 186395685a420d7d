"""Writing the index: draining the queue, rebuilding, checking. Only one writer at a time.

Every write takes `writer_lock()`, an exclusive file lock next to the index directory, so
the worker, a rebuild and `check_index --fix` never write concurrently. A rebuild holds
the lock for its whole run: changes queued meanwhile wait in the queue and are applied
to the new index after the swap (the queue names objects, so replaying it is idempotent).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from haystack import connections
from haystack.utils import get_identifier
from whoosh.filedb.filestore import FileStorage

from documents.models import Document, Paragraph

from .models import IndexQueueEntry
from .queue import DOCUMENT, PARAGRAPH
from .registry import attach_paragraph_facets
from .search_indexes import DocumentIndex, ParagraphIndex

logger = logging.getLogger(__name__)
_THREAD_LOCK = threading.Lock()


def index_path(using: str = "default") -> Path:
    return Path(settings.HAYSTACK_CONNECTIONS[using]["PATH"])


def backend(using: str = "default"):
    return connections[using].get_backend()


@contextlib.contextmanager
def writer_lock(using: str = "default", *, blocking: bool = True):
    """Hold the one-writer lock (a `flock` on `<index path>.lock`); yields False if busy."""
    path = index_path(using)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _THREAD_LOCK, open(f"{path}.lock", "a+") as handle:
        flags = fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle, flags)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# Queue --------------------------------------------------------------------------------


@dataclass
class DrainResult:
    entries: int = 0
    indexed: int = 0
    removed: int = 0


def queue_drain(*, batch_size: int = 500, using: str = "default") -> DrainResult:
    """Apply one batch of queued changes to the index; returns what was done."""
    result = DrainResult()
    with writer_lock(using):
        entries = list(IndexQueueEntry.objects.oldest_first()[:batch_size])
        if not entries:
            return result
        ids: dict[str, set[int]] = defaultdict(set)
        for entry in entries:
            ids[entry.model].add(entry.object_id)
        indexed, removed = index_objects(
            paragraph_ids=ids.get(PARAGRAPH, set()),
            document_ids=ids.get(DOCUMENT, set()),
            using=using,
        )
        IndexQueueEntry.objects.filter(pk__in=[e.pk for e in entries]).delete()
    result.entries, result.indexed, result.removed = len(entries), indexed, removed
    return result


def index_objects(
    *, paragraph_ids: set[int], document_ids: set[int], using: str = "default"
) -> tuple[int, int]:
    """Bring these objects' entries in line with the database (caller holds the lock).

    A document id also covers every paragraph of the document.
    """
    paragraph_ids = set(paragraph_ids)
    if document_ids:
        paragraph_ids |= set(
            Paragraph.objects.filter(document_id__in=document_ids).values_list("pk", flat=True)
        )
    paragraph_index, document_index = ParagraphIndex(), DocumentIndex()
    paragraphs = list(paragraph_index.index_queryset().filter(pk__in=paragraph_ids))
    documents = list(document_index.index_queryset().filter(pk__in=document_ids))
    attach_paragraph_facets(paragraphs)
    gone = [f"{PARAGRAPH}.{pk}" for pk in paragraph_ids - {p.pk for p in paragraphs}]
    gone += [f"{DOCUMENT}.{pk}" for pk in set(document_ids) - {d.pk for d in documents}]
    engine = backend(using)
    if paragraphs:
        engine.update(paragraph_index, paragraphs)
    if documents:
        engine.update(document_index, documents)
    if gone:
        engine.remove_many(gone)
    return len(paragraphs) + len(documents), len(gone)


# Rebuild ------------------------------------------------------------------------------


@dataclass
class RebuildResult:
    path: Path
    paragraphs: int = 0
    documents: int = 0
    seconds: float = 0.0


def index_rebuild(
    *, procs: int = 1, limitmb: int = 128, chunk: int = 2000, using: str = "default"
) -> RebuildResult:
    """Build a fresh index in a new directory, then swap it in atomically.

    Search keeps answering from the old index until the swap, which is one `rename` of
    a symlink. The old directory is removed after the swap (open readers keep their
    files: removal of open files is safe on POSIX).
    """
    started = time.monotonic()
    path = index_path(using)
    engine = backend(using)
    if not engine.setup_complete:
        engine.content_field_name, engine.schema = engine.build_schema(
            connections[using].get_unified_index().all_searchfields()
        )
    with writer_lock(using):
        stamp = f"{time.strftime('%Y%m%d%H%M%S')}.{uuid.uuid4().hex[:8]}"
        target = path.parent / f"{path.name}.{stamp}"
        target.mkdir(parents=True)
        ix = FileStorage(str(target)).create_index(engine.schema)
        options = {"limitmb": limitmb}
        if procs > 1:
            options.update(procs=procs, multisegment=True)
        writer = ix.writer(**options)
        result = RebuildResult(path=target)
        try:
            for index, queryset in (
                (ParagraphIndex(), ParagraphIndex().index_queryset()),
                (DocumentIndex(), DocumentIndex().index_queryset()),
            ):
                batch = []
                for obj in queryset.iterator(chunk_size=chunk):
                    batch.append(obj)
                    if len(batch) >= chunk:
                        _add(writer, engine, index, batch)
                        batch = []
                _add(writer, engine, index, batch)
                if isinstance(index, ParagraphIndex):
                    result.paragraphs = queryset.count()
                else:
                    result.documents = queryset.count()
            writer.commit()
        except BaseException:
            writer.cancel()
            shutil.rmtree(target, ignore_errors=True)
            raise
        _swap(path, target)
    result.seconds = time.monotonic() - started
    return result


def _add(writer, engine, index, objs) -> None:
    if isinstance(index, ParagraphIndex):
        attach_paragraph_facets(objs)
    for obj in objs:
        writer.add_document(**engine.whoosh_document(index, index.full_prepare(obj)))


def _swap(path: Path, target: Path) -> None:
    """Point `path` (a symlink) at `target` in one atomic rename."""
    previous = Path(os.path.realpath(path)) if path.is_symlink() else None
    if path.exists() and not path.is_symlink():
        # First rebuild over a plain directory: move it aside (the only non-atomic step,
        # once in an installation's life).
        aside = path.parent / f"{path.name}.plain-{time.strftime('%Y%m%d%H%M%S')}"
        path.rename(aside)
        previous = aside
    link = path.parent / f".{path.name}.swap-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    link.symlink_to(target.name)
    os.replace(link, path)
    if previous and previous != target and previous.exists():
        shutil.rmtree(previous, ignore_errors=True)


# Check --------------------------------------------------------------------------------


@dataclass
class CheckReport:
    indexed: dict[str, int] = field(default_factory=dict)
    expected: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    ghost: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.ghost)

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "indexed": self.indexed,
            "expected": self.expected,
            "missing": len(self.missing),
            "stale": len(self.stale),
            "ghost": len(self.ghost),
        }


def index_check(*, fingerprints: bool = True, using: str = "default") -> CheckReport:
    """Compare database and index: missing, stale (fingerprint differs) and ghost entries.

    Without `fingerprints` only ids are compared (cheap enough for /health/).
    """
    engine = backend(using)
    actual = dict(engine.stored_entries(("fingerprint",)))
    expected: dict[str, str | None] = {}
    report = CheckReport()
    for index in (ParagraphIndex(), DocumentIndex()):
        label = f"{index.get_model()._meta.app_label}.{index.get_model()._meta.model_name}"
        if fingerprints:
            objs = list(index.index_queryset())
            if isinstance(index, ParagraphIndex):
                attach_paragraph_facets(objs)
            for obj in objs:
                expected[get_identifier(obj)] = index.full_prepare(obj)["fingerprint"]
        else:
            pks = index.index_queryset().values_list("pk", flat=True)
            expected.update({f"{label}.{pk}": None for pk in pks})
        report.expected[label] = sum(1 for k in expected if k.startswith(label + "."))
        report.indexed[label] = sum(1 for k in actual if k.startswith(label + "."))
    report.missing = sorted(set(expected) - set(actual))
    report.ghost = sorted(set(actual) - set(expected))
    if fingerprints:
        report.stale = sorted(
            k for k in set(expected) & set(actual) if expected[k] != actual[k]["fingerprint"]
        )
    return report


def index_repair(report: CheckReport, *, using: str = "default") -> tuple[int, int]:
    """Fix what `index_check` found, directly (under the writer lock)."""
    ids: dict[str, set[int]] = defaultdict(set)
    for identifier in [*report.missing, *report.stale, *report.ghost]:
        label, _, pk = identifier.rpartition(".")
        ids[label].add(int(pk))
    with writer_lock(using):
        return index_objects(
            paragraph_ids=ids.get(PARAGRAPH, set()),
            document_ids=ids.get(DOCUMENT, set()),
            using=using,
        )


def queue_age_seconds() -> float | None:
    oldest = IndexQueueEntry.objects.order_by("pk").values_list("created", flat=True).first()
    if oldest is None:
        return None
    return (timezone.now() - oldest).total_seconds()


def database_ok() -> bool:
    try:
        with transaction.atomic():
            Document.objects.exists()
        return True
    except Exception:  # any database error means "not ok" on the health page
        logger.exception("Database check failed")
        return False
