"""Signals other apps listen to. `documents` never imports them; they import `documents`.

`document_imported` is sent inside the import transaction, after paragraphs are saved,
so a listener's writes (tags, lineage) commit or roll back with the import.
Arguments: `document`, `created` (bool), `changed_paragraph_ids` (ids added or edited).
"""

from django.dispatch import Signal

document_imported = Signal()

# Sent when a curator edits paragraphs outside an import (the admin), inside the same
# transaction, with the same arguments (`created` is always False). Listeners that keep
# derived data (tags, lineage) connect to both signals.
document_changed = Signal()
