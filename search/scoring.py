"""Match sets and BM25F ranking computed over posting arrays, not Whoosh matchers.

Whoosh walks its matchers one posting at a time in Python: scoring a word that occurs
in every paragraph costs ~15 µs per paragraph, and a phrase decodes the positions of
every candidate (0.6–1.5 s at 10k paragraphs for ``"trafficking in persons"``). Here:

* each term's postings are read once per index generation, block by block, into numpy
  arrays (docnums, term frequencies) and a Roaring bitmap (`TermCache`);
* a query's match set is bitmap algebra over those (`match_bits`): And = intersection,
  Or = union, Not = complement, prefix = union of its expansions, and a phrase is
  answered from the bi-word field (`PHRASE_FIELD`: adjacent stems after stop-word
  removal, i.e. exactly Whoosh's slop-1 phrase); a phrase of three or more words is
  then checked against the candidates' stored text (faster than Whoosh's positional
  matcher, and independent of whether the text field keeps positions);
* scores are Whoosh's BM25F, same formula and statistics (`scores`): the sum, over the
  query's positive terms a document contains, of idf·tf·(K1+1)/(tf+K1·(1−B+B·dl/avgdl)),
  accumulated with numpy (a prefix scores as the sum of the words it expands to);
* the top N of the allowed docnums come from one ``argpartition`` (`top`), ties in
  docnum order as Whoosh breaks them.

Query types not handled here fall back to ``searcher.docs_for_query`` (match set) and
contribute no score.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from math import log

import numpy as np
from pyroaring import BitMap
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.query.compound import CompoundQuery
from whoosh.util.numeric import byte_to_length

from .highlight import index_stems

PHRASE_FIELD = "text_bi"  # bi-words of the document field, see backend.build_schema
BIWORD_SEP = " "
MAX_EXPANSION = 2000  # prefix expansions beyond this are ignored (with a note upstream)
B, K1 = 0.75, 1.2  # Whoosh's BM25F defaults
_LENGTH_TABLE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class Postings:
    __slots__ = ("ids", "weights", "bits")

    def __init__(self, ids: np.ndarray, weights: np.ndarray, live: BitMap):
        self.ids = ids
        self.weights = weights
        self.bits = BitMap(ids.astype(np.uint32)) & live


class TermCache:
    """Postings and field lengths of one index generation, read lazily, bounded."""

    def __init__(self, reader, live: BitMap, max_postings: int = 20_000_000):
        self.reader = reader
        self.live = live
        self.doc_count = reader.doc_count_all()
        self.max_postings = max_postings
        self._postings: OrderedDict[tuple[str, str], Postings] = OrderedDict()
        self._size = 0
        self._lengths: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def postings(self, field: str, text: str) -> Postings:
        key = (field, text)
        found = self._postings.get(key)
        if found is not None:
            return found
        ids, weights = _read_postings(self.reader, field, text)
        found = Postings(ids, weights, self.live)
        with self._lock:
            self._postings[key] = found
            self._size += len(ids)
            while self._size > self.max_postings and len(self._postings) > 1:
                _, old = self._postings.popitem(last=False)
                self._size -= len(old.ids)
        return found

    def forget(self) -> None:
        """Drop cached postings (keep field lengths: they belong to the generation)."""
        with self._lock:
            self._postings.clear()
            self._size = 0

    def lengths(self, field: str) -> np.ndarray:
        found = self._lengths.get(field)
        if found is None:
            found = _read_lengths(self.reader, field, self.doc_count)
            self._lengths[field] = found
        return found


def _read_postings(reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    id_parts, weight_parts = [], []
    for leaf, offset in reader.leaf_readers():
        if (field, text) not in leaf:
            continue
        m = leaf.postings(field, text)
        while not isinstance(m, W3LeafMatcher) and hasattr(m, "child"):
            m = m.child  # deleted docs are filtered with the live set instead
        if isinstance(m, W3LeafMatcher):
            while m.is_active():
                m._read_data()
                deltas = m._data[0]
                m._read_weights()
                id_parts.append(np.cumsum(np.asarray(deltas, dtype=np.int64)) + offset)
                weight_parts.append(np.asarray(m._weights, dtype=np.float64))
                m._next_block()
        else:  # another codec: the slow, generic way
            ids, weights = [], []
            while m.is_active():
                ids.append(m.id())
                weights.append(m.weight())
                m.next()
            id_parts.append(np.asarray(ids, dtype=np.int64) + offset)
            weight_parts.append(np.asarray(weights, dtype=np.float64))
    if not id_parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    return np.concatenate(id_parts), np.concatenate(weight_parts)


def posting_bits(reader, field: str, text: str) -> BitMap:
    """The docnums of a term's postings (deleted ones included: AND with the live set)."""
    ids, _ = _read_postings(reader, field, text)
    return BitMap(ids.astype(np.uint32))


def _read_lengths(reader, field: str, doc_count: int) -> np.ndarray:
    out = np.zeros(doc_count, dtype=np.float64)
    for leaf, offset in reader.leaf_readers():
        n = leaf.doc_count_all()
        perdoc = getattr(leaf, "_perdoc", None)
        column = None
        if perdoc is not None and hasattr(perdoc, "_cached_reader"):
            from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

            column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if getattr(column, "_typecode", None) == "B" and hasattr(column, "_dbfile"):
            # One read of the byte-coded lengths instead of one call per document.
            count = min(column._count, n)
            codes = np.zeros(n, dtype=np.uint8)
            codes[:count] = np.frombuffer(column._dbfile.get(column._basepos, count), np.uint8)
            out[offset : offset + n] = _LENGTH_TABLE[codes]
        elif column is not None:
            codes = np.fromiter((column[i] for i in range(n)), dtype=np.uint8, count=n)
            out[offset : offset + n] = _LENGTH_TABLE[codes]
        else:
            out[offset : offset + n] = [leaf.doc_field_length(i, field) or 0 for i in range(n)]
    return out


class Evaluator:
    """Match set and scores of one parsed query against one generation."""

    def __init__(self, searcher, cache: TermCache, *, phrases: bool):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.schema = self.reader.schema
        self.cache = cache
        self.live = cache.live
        self.phrases = phrases  # the index has the bi-word field
        self.truncated = False

    # Match sets ---------------------------------------------------------------------

    def match_bits(self, q) -> BitMap:
        if isinstance(q, wq.Term):
            if q.fieldname not in self.schema:
                return BitMap()
            return self.cache.postings(q.fieldname, q.text).bits
        if isinstance(q, wq.And):
            parts = [self.match_bits(s) for s in q.subqueries]
            if not parts:
                return BitMap(self.live)
            parts.sort(key=len)
            out = BitMap(parts[0])
            for p in parts[1:]:
                out &= p
            return out
        if isinstance(q, wq.Or) and not getattr(q, "minmatch", 0):
            return BitMap.union(BitMap(), *(self.match_bits(s) for s in q.subqueries))
        if isinstance(q, wq.Not):
            return self.live - self.match_bits(q.query)
        if isinstance(q, wq.AndNot):
            return self.match_bits(q.a) - self.match_bits(q.b)
        if isinstance(q, wq.AndMaybe):
            return self.match_bits(q.a)
        if isinstance(q, wq.Every):
            return BitMap(self.live)
        if q is wq.NullQuery:
            return BitMap()
        if isinstance(q, wq.Phrase):
            return self._phrase_bits(q)
        if isinstance(q, (wq.Prefix, wq.Wildcard)) and q.fieldname in self.schema:
            terms = self._expand(q)
            return BitMap.union(
                BitMap(), *(self.cache.postings(q.fieldname, t).bits for t in terms)
            )
        return BitMap(self.searcher.docs_for_query(q)) & self.live

    def _expand(self, q) -> list[str]:
        field = self.schema[q.fieldname]
        terms = []
        for btext in q._btexts(self.reader):
            terms.append(field.from_bytes(btext))
            if len(terms) >= MAX_EXPANSION:
                self.truncated = True
                break
        return terms

    def _phrase_bits(self, q) -> BitMap:
        words = list(q.words)
        if not words:
            return BitMap()
        if len(words) == 1:
            return self.match_bits(wq.Term(q.fieldname, words[0]))
        stored = q.fieldname in self.schema and self.schema[q.fieldname].stored
        if q.slop != 1 or not stored:
            return BitMap(self.searcher.docs_for_query(q)) & self.live
        if self.phrases:
            # Adjacent stems are one bi-word term: a two-word phrase is one lookup.
            pairs = [BIWORD_SEP.join(p) for p in zip(words, words[1:], strict=False)]
            out = self.match_bits(wq.And([wq.Term(PHRASE_FIELD, p) for p in pairs]))
            if len(words) == 2:
                return out
        else:  # an index built before the bi-word field
            out = self.match_bits(wq.And([wq.Term(q.fieldname, w) for w in words]))
        # The candidates' stored text is checked (no positions needed).
        return BitMap(d for d in out if _contains(self._stems(q.fieldname, d), words))

    def _stems(self, fieldname: str, docnum: int) -> list[str]:
        return index_stems(self.searcher.stored_fields(docnum).get(fieldname) or "")

    # Scores -------------------------------------------------------------------------

    def scores(self, q) -> np.ndarray:
        """A dense array: docnum -> BM25F score of the query's positive terms."""
        dense = np.zeros(self.cache.doc_count, dtype=np.float64)
        self._accumulate(q, dense, 1.0)
        return dense

    def _accumulate(self, q, dense: np.ndarray, boost: float) -> None:
        boost *= getattr(q, "boost", 1.0)
        if isinstance(q, wq.Not):
            return
        if isinstance(q, wq.AndNot):
            self._accumulate(q.a, dense, boost)
            return
        if isinstance(q, wq.Term):
            self._term_score(q.fieldname, q.text, dense, boost)
            return
        if isinstance(q, wq.Phrase):
            for word in q.words:
                self._term_score(q.fieldname, word, dense, boost)
            return
        if isinstance(q, (wq.Prefix, wq.Wildcard)) and q.fieldname in self.schema:
            for term in self._expand(q):
                self._term_score(q.fieldname, term, dense, boost)
            return
        if isinstance(q, CompoundQuery):
            for s in q.subqueries:
                self._accumulate(s, dense, boost)
        elif isinstance(q, wq.AndMaybe):
            self._accumulate(q.a, dense, boost)
            self._accumulate(q.b, dense, boost)

    def _term_score(self, fieldname: str, text: str, dense: np.ndarray, boost: float) -> None:
        if fieldname not in self.schema:
            return
        postings = self.cache.postings(fieldname, text)
        if not len(postings.ids):
            return
        if not self.schema[fieldname].scorable:
            dense[postings.ids] += postings.weights * boost
            return
        n = self.reader.doc_frequency(fieldname, text)
        idf = log(self.cache.doc_count / (n + 1)) + 1
        avgfl = (self.reader.field_length(fieldname) / (self.cache.doc_count or 1)) or 1
        dl = self.cache.lengths(fieldname)[postings.ids]
        tf = postings.weights
        dense[postings.ids] += (
            boost * idf * (tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * dl / avgfl))
        )


def _contains(stems: list[str], words: list[str]) -> bool:
    """Whether `words` occur in `stems` one after the other."""
    n, first = len(words), words[0]
    return any(stems[i : i + n] == words for i, stem in enumerate(stems) if stem == first)


def top(dense: np.ndarray, allowed: BitMap, limit: int) -> list[tuple[int, float]]:
    """The `limit` best (docnum, score) of `allowed`: score descending, then docnum."""
    if not allowed or limit <= 0:
        return []
    docs = np.frombuffer(allowed.to_array(), dtype=np.uint32).astype(np.int64)
    scores = dense[docs]
    if len(docs) > limit:
        kth = np.partition(scores, len(docs) - limit)[len(docs) - limit]
        keep = scores >= kth
        docs, scores = docs[keep], scores[keep]
    order = np.lexsort((docs, -scores))[:limit]
    return [(int(docs[i]), float(scores[i])) for i in order]
