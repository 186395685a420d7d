"""Keep the index in step without writing it from web processes.

Haystack's `RealtimeSignalProcessor` writes the Whoosh index inside the request: with
several processes that blocks on Whoosh's single-writer lock or silently loses deletes.
This processor only writes an `IndexQueueEntry` row (in the same transaction as the
change); `run_index_worker` is the one writer.
"""

from django.db.models import signals
from haystack.signals import BaseSignalProcessor

from documents.models import Document, Paragraph
from documents.signals import document_imported

from . import queue


class QueueSignalProcessor(BaseSignalProcessor):
    def setup(self):
        signals.post_save.connect(self.on_paragraph, sender=Paragraph)
        signals.post_delete.connect(self.on_paragraph, sender=Paragraph)
        signals.post_save.connect(self.on_document, sender=Document)
        signals.post_delete.connect(self.on_document, sender=Document)
        document_imported.connect(self.on_import, sender=Document)

    def teardown(self):
        signals.post_save.disconnect(self.on_paragraph, sender=Paragraph)
        signals.post_delete.disconnect(self.on_paragraph, sender=Paragraph)
        signals.post_save.disconnect(self.on_document, sender=Document)
        signals.post_delete.disconnect(self.on_document, sender=Document)
        document_imported.disconnect(self.on_import, sender=Document)

    def on_paragraph(self, sender, instance, raw=False, **kwargs):
        if not raw:
            queue.enqueue_paragraphs([instance.pk])

    def on_document(self, sender, instance, raw=False, **kwargs):
        if not raw:
            queue.enqueue_document(instance)

    def on_import(self, sender, document, **kwargs):
        # Each saved paragraph queued itself; the document entry also catches paragraphs
        # whose only change came through QuerySet.update() (anchor parking on import).
        queue.enqueue_document(document)
