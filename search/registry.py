"""Where other apps plug facet values into the paragraph index.

`search` never imports `commitments`. The commitments app registers, from its
`AppConfig.ready()`, a bulk function::

    from search.registry import register_paragraph_facet_provider

    def paragraph_facets(paragraph_ids: list[int]) -> dict[int, dict[str, list[str]]]:
        # one or two queries for all ids
        return {pk: {"actor": [...], "addressee": [...], "actor_kind": [...],
                     "ctype": [...], "verb": [...], "strength": [...]}}

    register_paragraph_facet_provider("commitments", paragraph_facets)

Keys outside `PROVIDED_FIELDS` are ignored. With nothing registered the fields are
empty and the facets stay hidden. After changing tags, call
`search.queue.enqueue_paragraphs(ids)` so the index catches up.

Values are often slugs; a label provider turns those shown on a page into words::

    from search.registry import register_facet_label_provider

    def facet_labels(field: str, values: list[str]) -> dict[str, str]:
        # one query for all values of one field; values it does not know are left out
        return {"unodc": "UNODC", ...}

    register_facet_label_provider("commitments", facet_labels)

The search page calls it once per provided facet, with the values it shows; a value
without a label is shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

PROVIDED_FIELDS = (
    "actor",
    "addressee",
    "actor_kind",
    "ctype",
    "verb",
    "strength",
    # "<addressee>/<ctype>" of each commitment (type ancestors included): a matrix cell
    # is one value, so another actor's clause does not count for this actor.
    "addressee_ctype",
)

FacetProvider = Callable[[list[int]], dict[int, dict[str, list[str]]]]
LabelProvider = Callable[[str, list[str]], dict[str, str]]
paragraph_facet_providers: dict[str, FacetProvider] = {}
facet_label_providers: dict[str, LabelProvider] = {}


def register_paragraph_facet_provider(name: str, fn: FacetProvider) -> None:
    paragraph_facet_providers[name] = fn


def register_facet_label_provider(name: str, fn: LabelProvider) -> None:
    facet_label_providers[name] = fn


def facet_labels(field: str, values: list[str]) -> dict[str, str]:
    """{value: label} for the values of a provided facet field that some provider labels."""
    values = [v for v in values if v]
    if field not in PROVIDED_FIELDS or not values:
        return {}
    if field == "addressee_ctype":
        return _pair_labels(values)
    labels: dict[str, str] = {}
    for fn in facet_label_providers.values():
        found = fn(field, list(values)) or {}
        labels.update({v: str(label) for v, label in found.items() if v in values and label})
    return labels


def _pair_labels(values: list[str]) -> dict[str, str]:
    """Labels of pair values: unodc/funding -> "UNODC / Funding and resources"."""
    pairs = {v: v.split("/", 1) for v in values if "/" in v}
    actors = facet_labels("addressee", sorted({a for a, _ in pairs.values()}))
    types = facet_labels("ctype", sorted({t for _, t in pairs.values()}))
    return {v: f"{actors.get(a, a)} / {types.get(t, t)}" for v, (a, t) in pairs.items()}


def paragraph_facets(ids: Iterable[int]) -> dict[int, dict[str, list[str]]]:
    """Merged values of every provider: {pk: {field: sorted values}}, every pk present."""
    ids = list(ids)
    merged: dict[int, dict[str, set[str]]] = {pk: {f: set() for f in PROVIDED_FIELDS} for pk in ids}
    for fn in paragraph_facet_providers.values():
        for pk, values in (fn(ids) or {}).items():
            if pk not in merged:
                continue
            for field, items in values.items():
                if field in PROVIDED_FIELDS:
                    merged[pk][field].update(str(v) for v in items if v not in (None, ""))
    return {pk: {f: sorted(v) for f, v in fields.items()} for pk, fields in merged.items()}


def attach_paragraph_facets(paragraphs: list) -> None:
    """Fetch provider values for many paragraphs at once, before indexing them."""
    values = paragraph_facets(p.pk for p in paragraphs)
    for p in paragraphs:
        p._search_facets = values.get(p.pk, {})
