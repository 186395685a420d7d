"""The index queue: an outbox of objects whose index entries must be brought up to date.

Rows are written in the same transaction as the change that caused them, so the single
index writer (`run_index_worker`) only ever sees committed changes, and a rolled-back
edit leaves no trace. A row says *which* object to look at, never *what* to do: the
worker re-reads the object and indexes it if it is still indexable, removes it if not.
"""

from django.db import models


class IndexQueueEntryQuerySet(models.QuerySet):
    def oldest_first(self):
        return self.order_by("pk")


class IndexQueueEntry(models.Model):
    model = models.CharField(max_length=100, help_text='App label and model, "documents.paragraph"')
    object_id = models.BigIntegerField()
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = IndexQueueEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "index queue entry"
        verbose_name_plural = "index queue entries"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.model}.{self.object_id}"
