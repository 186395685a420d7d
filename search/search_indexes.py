"""The search indexes of paragraphs and documents.

Both live here, not in `documents`, because `documents` must not depend on `search`.
Facet fields are `Facet*Field`s (stored unanalysed by `search.backend`); the actor and
commitment facets are filled by providers registered in `search.registry`.
"""

from __future__ import annotations

import hashlib
import json

from haystack import indexes
from haystack.fields import FacetMultiValueField

from documents.models import Document, Paragraph

from .concepts import concept_markers
from .fields import ExactField, SecondaryTextField, SortKeyField, StoredField
from .registry import paragraph_facets


def _order_key(document: Document, position: int = 0) -> str:
    date = document.adopted or document.distributed
    return (
        f"{date:%Y%m%d}|{document.slug}|{position:06d}"
        if date
        else (f"00000000|{document.slug}|{position:06d}")
    )


class _Fingerprinted:
    """A stored hash of the prepared entry, so check_index can tell stale entries."""

    def prepare(self, obj):
        data = super().prepare(obj)
        payload = {k: v for k, v in data.items() if k != "fingerprint"}
        digest = hashlib.sha1(
            json.dumps(payload, sort_keys=True, default=str).encode("utf-8")
        ).hexdigest()
        data["fingerprint"] = digest
        return data


class ParagraphIndex(_Fingerprinted, indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True)
    document = indexes.FacetCharField()
    symbol = ExactField()
    # The document's title in its own field (`title:coordination`): in `text` it made
    # every paragraph of a document match the words of its title.
    title = SecondaryTextField()
    body = indexes.FacetCharField()
    doc_type = indexes.FacetCharField()
    year = indexes.FacetCharField()
    date = indexes.DateField(null=True)
    part = indexes.FacetCharField(model_attr="part")
    kind = indexes.FacetCharField(model_attr="kind")
    lead = indexes.FacetCharField(model_attr="lead")
    order = SortKeyField()
    fingerprint = StoredField()
    actor = FacetMultiValueField()
    addressee = FacetMultiValueField()
    actor_kind = FacetMultiValueField()
    ctype = FacetMultiValueField()
    verb = FacetMultiValueField()
    strength = FacetMultiValueField()
    addressee_ctype = FacetMultiValueField()

    def get_model(self):
        return Paragraph

    def index_queryset(self, using=None):
        return Paragraph.objects.published().select_related("document").order_by("pk")

    def read_queryset(self, using=None):
        return Paragraph.objects.published().select_related("document")

    def prepare_text(self, obj):
        # The template's text, plus markers of concepts the paragraph expresses in
        # other words (search.concepts: "not penalized" -> nonpunishment).
        text = self.fields["text"].prepare(obj)
        markers = concept_markers(obj.text)
        return f"{text}\n{' '.join(markers)}" if markers else text

    def prepare_document(self, obj):
        return obj.document.slug

    def prepare_symbol(self, obj):
        return obj.document.symbol

    def prepare_title(self, obj):
        return obj.document.title

    def prepare_body(self, obj):
        return obj.document.body

    def prepare_doc_type(self, obj):
        return obj.document.document_type

    def prepare_year(self, obj):
        date = obj.document.date
        return str(date.year) if date else ""

    def prepare_date(self, obj):
        return obj.document.date

    def prepare_order(self, obj):
        return _order_key(obj.document, obj.position)

    def _provided(self, obj) -> dict[str, list[str]]:
        values = getattr(obj, "_search_facets", None)
        if values is None:  # indexed one by one: fetch for this paragraph only
            values = paragraph_facets([obj.pk]).get(obj.pk, {})
            obj._search_facets = values
        return values

    def prepare_actor(self, obj):
        return self._provided(obj).get("actor", [])

    def prepare_addressee(self, obj):
        return self._provided(obj).get("addressee", [])

    def prepare_actor_kind(self, obj):
        return self._provided(obj).get("actor_kind", [])

    def prepare_ctype(self, obj):
        return self._provided(obj).get("ctype", [])

    def prepare_verb(self, obj):
        return self._provided(obj).get("verb", [])

    def prepare_strength(self, obj):
        return self._provided(obj).get("strength", [])

    def prepare_addressee_ctype(self, obj):
        return self._provided(obj).get("addressee_ctype", [])


class DocumentIndex(_Fingerprinted, indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True)
    document = indexes.FacetCharField(model_attr="slug")
    symbol = ExactField(model_attr="symbol")
    body = indexes.FacetCharField(model_attr="body")
    doc_type = indexes.FacetCharField(model_attr="document_type")
    year = indexes.FacetCharField()
    date = indexes.DateField(null=True)
    order = SortKeyField()
    fingerprint = StoredField()

    def get_model(self):
        return Document

    def index_queryset(self, using=None):
        return Document.objects.published().order_by("pk")

    def prepare_year(self, obj):
        return str(obj.date.year) if obj.date else ""

    def prepare_date(self, obj):
        return obj.date

    def prepare_order(self, obj):
        return _order_key(obj)
