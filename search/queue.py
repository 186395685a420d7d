"""Putting objects on the index queue. The one public way in for other apps.

Call these after any write the post_save/post_delete signals do not see:
`QuerySet.update()`, `bulk_create()`, many-to-many changes (tags on paragraphs).
They write queue rows in the caller's transaction, so the change and its queue entry
commit or roll back together; `run_index_worker` picks them up within a second.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import IndexQueueEntry

PARAGRAPH = "documents.paragraph"
DOCUMENT = "documents.document"


def enqueue(model: str, ids: Iterable[int]) -> int:
    """Queue `ids` of `model` ("documents.paragraph"); returns how many rows were written."""
    rows = [IndexQueueEntry(model=model, object_id=int(pk)) for pk in dict.fromkeys(ids)]
    IndexQueueEntry.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def enqueue_paragraphs(ids: Iterable[int]) -> int:
    """Re-index these paragraphs (or drop them from the index if gone or unpublished)."""
    return enqueue(PARAGRAPH, ids)


def enqueue_document(document) -> int:
    """Re-index a document and every paragraph in it (title, symbol, publication changed)."""
    return enqueue(DOCUMENT, [document.pk])


def enqueue_documents(ids: Iterable[int]) -> int:
    """`enqueue_document` for many, e.g. after `Document.objects.filter(...).update(...)`."""
    return enqueue(DOCUMENT, ids)


def queue_length() -> int:
    return IndexQueueEntry.objects.count()
