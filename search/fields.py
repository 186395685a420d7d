"""Haystack field types our backend maps to unanalysed Whoosh fields.

Other backends see plain `CharField`s, so swapping engines stays a settings change.
"""

from haystack import fields


class ExactField(fields.CharField):
    """Matched as one whole, case-insensitive term: `symbol:A/RES/55/25`."""

    field_type = "exact"


class SecondaryTextField(fields.CharField):
    """Analysed words searched only by name (`title:coordination`), never by a plain
    query: a document's title must not make every paragraph match its words."""

    field_type = "secondary_text"


class SortKeyField(fields.CharField):
    """Only sorted on, never searched."""

    field_type = "sortkey"


class StoredField(fields.CharField):
    """Stored with the entry, not searchable (fingerprints for check_index)."""

    field_type = "stored"
