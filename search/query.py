"""A SearchQuerySet with disjunctive facet selections.

`facet_filter(field, values)` selects values of one facet (OR within it, AND across
facets; the facet's own counts ignore its own selection). Backends that understand
`facet_filters` (ours) do it in one pass; any other backend gets an ordinary `narrow`,
so results stay right and only the counts become conjunctive.
"""

from haystack.query import SearchQuerySet


class FacetedSearchQuerySet(SearchQuerySet):
    def facet_filter(self, field: str, values):
        values = [v for v in values if v]
        if not values:
            return self._clone()
        clone = self._clone()
        if hasattr(clone.query, "add_facet_filter"):
            clone.query.add_facet_filter(field, values)
            return clone
        clean = clone.query.clean
        return clone.narrow(" OR ".join(f'{field}:"{clean(v)}"' for v in values))
