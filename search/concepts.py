"""Concepts that UN texts express in words other than their name. Pure: no I/O.

Analysts search for *non-punishment of victims*; the resolutions never use the word,
they say victims "are not penalized for having been trafficked". A word index cannot
bridge that, so for each concept:

* at indexing, a paragraph whose text matches the concept's `pattern` gets the
  concept's `marker` (one invented word, e.g. ``nonpunishment``) in its indexed text;
* in a query, any of the concept's `names` also looks for the marker:
  ``non-punishment of victims`` runs as ``(non-punishment OR nonpunishment) of victims``;
* the highlighter marks the words the pattern matched ("not penalized").

Add a row to `CONCEPTS` for another concept; tests check each pattern against real
wording and near misses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Concept:
    marker: str  # an invented word that no text contains
    names: tuple[str, ...]  # what searchers type, lowercased
    pattern: re.Pattern


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        marker="nonpunishment",
        names=(
            "non-punishment",
            "nonpunishment",
            "non-penalization",
            "non-penalisation",
            "non-criminalization",
            "non-criminalisation",
            "non-prosecution",
        ),
        pattern=re.compile(
            r"\b(?:not|never)\s+(?:be\s+|been\s+)?"
            r"(?:penali[sz]ed|punished|prosecuted|criminali[sz]ed|sanctioned"
            r"|held\s+(?:criminally\s+)?(?:liable|responsible))\b"
            r"|\bnon-?(?:punishment|penali[sz]ation|criminali[sz]ation|prosecution)\b",
            re.IGNORECASE,
        ),
    ),
)
BY_MARKER = {c.marker: c for c in CONCEPTS}
_NAMES = {name: c for c in CONCEPTS for name in c.names}
_TOKEN = re.compile(r'"[^"]*"|[^\s()]+')


def concept_markers(text: str) -> list[str]:
    """The markers of every concept `text` expresses."""
    return [c.marker for c in CONCEPTS if c.pattern.search(text or "")]


def expand_concepts(query: str) -> str:
    """`query` with each concept name (bare or quoted) also matching the marker."""

    def expand(match: re.Match) -> str:
        token = match.group()
        concept = _NAMES.get(token.strip('"').lower())
        if concept is None:
            return token
        return f"({token} OR {concept.marker})"

    return _TOKEN.sub(expand, query)
