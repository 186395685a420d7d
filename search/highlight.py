"""Highlighting that cannot inject: escape every character first, then add <mark>.

Haystack's `{% highlight %}` strips tags and inserts the rest raw, so stored text such
as `<svg/onload=alert(1)>` came out live. Here the only markup in the output is ours.
Matching uses the index's analyzer (stemming), so `victim` marks "victims".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser

from .analysis import fold, stemming_analyzer
from .concepts import CONCEPTS

_ANALYZER = stemming_analyzer()
_PARSER = QueryParser("text", Schema(text=TEXT(analyzer=_ANALYZER), symbol=ID()))
# The analyzer's own pieces, applied word by word with a cache (the analyzer's token
# stream costs ~0.3 ms per 2 KB paragraph; a page highlights 20).
_TOKENIZER, _LOWERCASE, _VARIANTS, _STOP, _STEM = _ANALYZER.items
_WORDS = _TOKENIZER.expression
_CONCEPT_STEMS = {t.text: c for c in CONCEPTS for t in _ANALYZER(c.marker)}


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    """What the index makes of one lowercased word: its stem, or "" for a stop word
    (not indexed, so never a match), the same as search.analysis gives the index."""
    word = fold(word)
    if len(word) < _STOP.min or word in _STOP.stops:
        return ""
    return word if word in _STEM.ignore else _STEM.stemfn(word)


@dataclass
class Terms:
    stems: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    # (marker stem, pattern) of concepts (search.concepts)
    patterns: list[tuple[str, re.Pattern]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.stems or self.prefixes or self.patterns)

    def index_terms(self) -> set[str]:
        """The index terms whose rarity (IDF) places the snippet: stems and markers."""
        return self.stems | {marker for marker, _ in self.patterns}


def query_terms(query: str) -> Terms:
    """The words a query looks for (negated ones excluded), as index stems and prefixes."""
    terms = Terms()
    if not query.strip():
        return terms
    try:
        parsed = _PARSER.parse(query)
    except Exception:  # a query the parser cannot read highlights nothing
        return terms
    _collect(parsed, terms)
    return terms


def _collect(q, terms: Terms) -> None:
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.Term) and q.fieldname == "text":
        concept = _CONCEPT_STEMS.get(q.text)
        if concept is not None:
            terms.patterns.append((q.text, concept.pattern))
        else:
            terms.stems.add(q.text)
    elif isinstance(q, wq.Prefix) and q.fieldname == "text":
        terms.prefixes.add(q.text.lower())
    elif isinstance(q, wq.Phrase) and q.fieldname == "text":
        terms.stems.update(q.words)
    for child in q.children() if hasattr(q, "children") else ():
        _collect(child, terms)


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def index_stems(text: str) -> list[str]:
    """The words the index holds for `text`, in order (stems, stop words left out)."""
    return [stem for stem in (_stem(m.group().lower()) for m in _WORDS.finditer(text)) if stem]


def highlight(
    text: str,
    terms: Terms,
    *,
    length: int | None = None,
    weights: dict[str, float] | None = None,
) -> SafeString:
    """`text` escaped, matching words wrapped in <mark>; cut to about `length` chars.

    A cut text shows the stretch whose matched terms weigh most (`weights`: term ->
    IDF, so the rarest words of the query win over a common one at the start; each
    term counts once per stretch; unknown terms weigh 1).
    """
    keyed = _matches(text, terms) if terms else []
    spans = _disjoint([(s, e) for s, e, _ in keyed])
    start, end = 0, len(text)
    if length and len(text) > length:
        anchor = _best_anchor(keyed, len(text), length, weights or {})
        start = max(0, min(anchor - length // 4, len(text) - length))
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < anchor else start
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    out = ["…" if start else ""]
    pos = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    out.append("…" if end < len(text) else "")
    return mark_safe("".join(out))  # every piece above was escaped


def _matches(text: str, terms: Terms) -> list[tuple[int, int, str]]:
    """(start, end, index term) of every match: words by stem or prefix, concepts."""
    found = []
    stems, prefixes = terms.stems, tuple(terms.prefixes)
    for match in _WORDS.finditer(text):
        word = match.group().lower()
        stem = _stem(word)
        if stem in stems:
            found.append((*match.span(), stem))
        elif prefixes and word.startswith(prefixes):
            found.append((*match.span(), next(p for p in prefixes if word.startswith(p))))
    for marker, pattern in terms.patterns:
        found += [(*m.span(), marker) for m in pattern.finditer(text)]
    return sorted(found)


def _best_anchor(
    keyed: list[tuple[int, int, str]], size: int, length: int, weights: dict[str, float]
) -> int:
    """Where the shown stretch is anchored: the match whose stretch holds the heaviest
    set of distinct terms (then the most matches, then the earliest)."""
    best, anchor = None, 0
    for s, _, _ in keyed:
        lo = max(0, min(s - length // 4, size - length))
        inside = [k for a, b, k in keyed if a >= lo and b <= lo + length]
        score = (sum(weights.get(k, 1.0) for k in set(inside)), len(inside))
        if best is None or score > best:
            best, anchor = score, s
    return anchor
