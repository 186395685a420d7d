"""The public facets: URL parameter, index field, label, and how values are shown.

The URL parameters are a public contract (`/search/?body=...&year=2017&year=2018`).
Facets whose values come from another app (`provided`) are hidden while empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from documents.vocabulary import DocumentType, Kind, Part


@dataclass(frozen=True)
class Facet:
    param: str
    field: str
    label: str
    choices: dict | None = None
    provided: bool = False
    newest_first: bool = False
    listed: bool = True  # False: a filter for links (matrix cells); only selected values shown

    def value_label(self, value: str) -> str:
        if self.choices:
            return str(self.choices.get(value, value))
        return value


FACETS: tuple[Facet, ...] = (
    Facet("document", "document", "Document"),
    Facet("body", "body", "Body"),
    Facet("type", "doc_type", "Document type", dict(DocumentType.choices)),
    Facet("year", "year", "Year", newest_first=True),
    Facet("part", "part", "Part", dict(Part.choices)),
    Facet("kind", "kind", "Paragraph kind", dict(Kind.choices)),
    Facet("lead", "lead", "Lead phrase"),
    Facet("actor", "actor", "Actor", provided=True),
    Facet("addressee", "addressee", "Addressee", provided=True),
    Facet("actor_kind", "actor_kind", "Kind of actor", provided=True),
    Facet("ctype", "ctype", "Commitment type", provided=True),
    Facet("verb", "verb", "Verb", provided=True),
    Facet("strength", "strength", "Strength", provided=True),
    Facet(
        "addressee_ctype",
        "addressee_ctype",
        "Addressee and commitment type",
        provided=True,
        listed=False,
    ),
)
BY_PARAM = {f.param: f for f in FACETS}

# sort parameter -> haystack order_by fields (None: relevance, or document order with no query)
SORTS: dict[str, tuple[str, list[str] | None]] = {
    "relevance": ("Relevance", None),
    "newest": ("Newest first", ["-date"]),
    "oldest": ("Oldest first", ["date"]),
    "document": ("Document order", ["order"]),
}
