"""Grouping resolutions into series: pure functions over titles and relations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# "72/195. Improving ..." or "2017/18. Implementation ..." printed before the title.
_NUMBER_PREFIX = re.compile(r"^\s*\d{1,4}/\d{1,4}\s*[.:]?\s*")
_NON_WORD = re.compile(r"[^\w]+")


def series_title_key(title: str) -> str:
    """Titles that differ only in case, punctuation, spacing or a number prefix agree."""
    title = unicodedata.normalize("NFKC", title)
    title = _NUMBER_PREFIX.sub("", title)
    return _NON_WORD.sub(" ", title.casefold()).strip()


def clean_series_title(title: str) -> str:
    """The title without the resolution number printed before it."""
    return _NUMBER_PREFIX.sub("", title).strip()


def series_body_key(body: str) -> str:
    """The principal organ: "General Assembly, Third Committee" -> "general assembly"."""
    principal = re.split(r"[,(]", body, maxsplit=1)[0]
    return series_title_key(principal)


@dataclass(frozen=True)
class SeriesDocument:
    key: int
    title: str
    body: str


def group_series(
    documents: Iterable[SeriesDocument], links: Iterable[tuple[int, int]] = ()
) -> list[list[int]]:
    """Groups of two or more documents: same normalised body and title, or linked.

    `links` are (earlier, later) pairs a curator recorded as previous/next in a series;
    they join groups whose titles drifted. Groups come out sorted, smallest key first.
    """
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    by_key: dict[tuple[str, str], int] = {}
    for doc in documents:
        parent[doc.key] = doc.key
        key = (series_body_key(doc.body), series_title_key(doc.title))
        if not key[1]:
            continue
        if key in by_key:
            union(by_key[key], doc.key)
        else:
            by_key[key] = doc.key
    for earlier, later in links:
        if earlier in parent and later in parent:
            union(earlier, later)

    groups: dict[int, list[int]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
