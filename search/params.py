"""The search URL's parameters, read and written. Pure: works on any QueryDict-like.

The parameters are a public contract: `q`, one parameter per facet (repeated for
several values), `sort`, `page`. Anything else is ignored with a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from .facets import BY_PARAM, SORTS

PAGE_SIZE = 20
MAX_PAGE = 50
MAX_VALUES = 20
MAX_VALUE_LENGTH = 200
KNOWN = {"q", "sort", "page", *BY_PARAM}
PAGE_CAP_NOTE = f"Only the first {MAX_PAGE} pages are shown; narrow your search."


@dataclass
class SearchParams:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    notes: list[str] = field(default_factory=list)

    def to_pairs(self, *, page: int | None = None) -> list[tuple[str, str]]:
        pairs = [("q", self.q)] if self.q else []
        for param, values in self.filters.items():
            pairs += [(param, v) for v in values]
        if self.sort != "relevance":
            pairs.append(("sort", self.sort))
        page = self.page if page is None else page
        if page > 1:
            pairs.append(("page", str(page)))
        return pairs

    def url(self, **changes) -> str:
        return "?" + urlencode(self.to_pairs(**changes))

    def toggled(self, param: str, value: str) -> str:
        """The query string with `value` of `param` switched on or off (back to page 1)."""
        filters = {k: list(v) for k, v in self.filters.items()}
        values = filters.setdefault(param, [])
        if value in values:
            values.remove(value)
        else:
            values.append(value)
        other = SearchParams(self.q, {k: v for k, v in filters.items() if v}, self.sort, 1)
        return other.url()


def parse_params(data) -> SearchParams:
    params = SearchParams()
    params.q = (data.get("q") or "").strip()
    unknown = sorted(k for k in data.keys() if k not in KNOWN)
    if unknown:
        params.notes.append("Ignored unknown parameter(s): " + ", ".join(unknown[:5]) + ".")
    for param in BY_PARAM:
        values = [v.strip() for v in data.getlist(param) if v and v.strip()]
        values = [v for v in dict.fromkeys(values) if len(v) <= MAX_VALUE_LENGTH]
        if len(values) > MAX_VALUES:
            values = values[:MAX_VALUES]
            params.notes.append(f"At most {MAX_VALUES} values of one filter are used.")
        if values:
            params.filters[param] = values
    sort = data.get("sort") or "relevance"
    if sort not in SORTS:
        params.notes.append(f"Unknown sort {sort[:40]!r}; sorted by relevance.")
        sort = "relevance"
    params.sort = sort
    raw_page = data.get("page") or "1"
    try:
        page = int(raw_page)
    except (TypeError, ValueError):
        params.notes.append("The page number was not a number; showing page 1.")
        page = 1
    if page < 1:
        params.notes.append("Pages start at 1.")
        page = 1
    if page > MAX_PAGE:
        params.notes.append(PAGE_CAP_NOTE)
        page = MAX_PAGE
    params.page = page
    return params
