"""Signals other apps listen to. `documents` never imports them; they import `documents`.

`document_imported` is sent inside the import transaction, after paragraphs are saved,
so a listener's writes (tags, lineage) commit or roll back with the import.
Arguments: `document`, `created` (bool), `changed_paragraph_ids` (ids added or edited).
"""

from django.dispatch import Signal

document_imported = Signal()
