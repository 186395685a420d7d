"""Keeps lineage in step with imports. The work itself is in `services`."""

from .services import lineage_update_document, series_rebuild


def update_lineage_on_import(sender, *, document, created, changed_paragraph_ids, **kwargs):
    # Runs inside the import transaction: links commit or roll back with the import.
    # A re-import with no new or edited paragraph can only have changed the title (and
    # so the series); removed paragraphs take their links with them.
    if created or changed_paragraph_ids:
        lineage_update_document(document=document)
    else:
        series_rebuild()
