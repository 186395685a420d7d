"""Haystack's Whoosh backend, made fit for faceted search over paragraphs.

What the stock backend gets wrong, and what this one does instead:

* Facet fields were stemmed text ("Forced labour" came back as `forc`, `labour`): here every
  haystack ``Facet*Field`` is an unanalysed Whoosh ``ID`` (multi-valued ones split on an
  invisible separator, so values may contain commas), and ``ExactField`` is an ``ID``
  lowercased for matching (``symbol:A/RES/55/25`` stays one term).
* Facet counts walked every match per facet in Python. Here each facet value's documents
  are a Roaring bitmap built once per index generation; a query's match set is fetched once
  and each facet is counted with bitmap AND + popcount.
* Facets are disjunctive through ``facet_filters`` ({field: [values]}, passed by
  ``search.query.FacetedSearchQuerySet.facet_filter``): values OR within a facet, AND
  across facets, and a facet's own counts ignore its own selection.
* Chained narrows with an empty intersection returned everything (Whoosh treats an empty
  filter as no filter): an empty allowed set here returns no hits.
* Results are sliced from one ``limit=end_offset`` search, so the last page is exact
  (haystack #1664). Date and document-order sorts use rank arrays cached per generation.
* Spelling suggestions are computed for words the index does not know, also with zero hits.
* A rebuild swaps the index directory (a symlink) atomically: the backend notices the new
  target and reopens. Readers never create an index: a missing or unreadable one raises
  ``IndexUnavailable`` so pages can say "search is being rebuilt" instead of lying.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import threading
from collections import OrderedDict
from math import log

from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError, SkipDocument
from haystack.fields import FacetField
from haystack.models import SearchResult
from haystack.utils import get_identifier
from pyroaring import BitMap
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import (
    BiWordFilter,
    IDTokenizer,
    LowercaseFilter,
    RegexTokenizer,
)
from whoosh.columns import VarBytesColumn
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import STORED, TEXT
from whoosh.qparser import QueryParser
from whoosh.writing import AsyncWriter

from .analysis import stemming_analyzer
from .scoring import BIWORD_SEP, PHRASE_FIELD, Evaluator, TermCache, posting_bits, top

logger = logging.getLogger(__name__)

MULTI_SEPARATOR = "\x1f"
# Sort names the backend answers from cached rank arrays (no Whoosh sort at query time).
RANK_SORTS = {"order", "date", "-date"}
# Words checked for spelling: not parts of fields, prefixes, phrases or hyphenated
# compounds ("non-punishment": "non" alone is no misspelling).
_WORD = re.compile(r"(?<![\w:*\"-])([A-Za-z]{3,})(?![\w:*-])")
_OPERATORS = {"AND", "OR", "NOT", "TO"}
# Unknown words looked up for a spelling suggestion, per query.
MAX_SUGGESTION_LOOKUPS = 8


# Shared by every backend instance: haystack makes one per thread, and runserver one
# thread per request, so per-instance caches would be rebuilt on every request.
_GENERATIONS: dict[tuple, _Generation] = {}
_GENERATIONS_LOCK = threading.Lock()
# One open searcher per index directory for the whole process, refreshed when the index
# changes (runserver starts a thread per request: per-thread searchers reopened the index
# on every request). Whoosh readers share file positions, so every read holds _READ_LOCK;
# the work under it is CPU-bound Python, which the GIL serialises anyway.
_SHARED: dict[str, object] = {}
_READ_LOCK = threading.RLock()


def _reading(method):
    @functools.wraps(method)
    def locked(*args, **kwargs):
        with _READ_LOCK:
            return method(*args, **kwargs)

    return locked


class IndexUnavailable(SearchBackendError):
    """The index is missing or unreadable: search is down, documents are not."""


class _Generation:
    """Everything cached for one index version: live docs, facet bitmaps, sort ranks."""

    def __init__(self, reader, content_field: str = "text"):
        self.reader = reader
        self.lock = threading.Lock()
        self.live = BitMap(reader.all_doc_ids())
        self.terms = TermCache(reader, self.live)
        # Phrases are answered from bi-words only if every segment with text has them
        # (an index built before the bi-word field existed falls back to Whoosh).
        self.phrases = PHRASE_FIELD in reader.schema and all(
            leaf.field_length(PHRASE_FIELD) > 0
            for leaf, _ in reader.leaf_readers()
            if leaf.doc_count() and leaf.field_length(content_field) > 0
        )
        self.term_bits: dict[tuple[str, str], BitMap] = {}
        self.facets: dict[str, dict[str, BitMap]] = {}
        self.ranks: dict[str, list[int]] = {}
        self.positions: dict[str, dict[int, int]] = {}
        self.match_cache: OrderedDict[str, BitMap] = OrderedDict()
        self._order_keys: list[str] | None = None

    def facet(self, field: str) -> dict[str, BitMap]:
        values = self.facets.get(field)
        if values is None:
            with self.lock:
                values = {}
                if field in self.reader.schema:
                    for term in self.reader.field_terms(field):
                        bits = posting_bits(self.reader, field, term) & self.live
                        if bits:
                            values[term] = bits
                self.facets[field] = values
        return values

    def term(self, field: str, value: str) -> BitMap:
        key = (field, value)
        bits = self.term_bits.get(key)
        if bits is None:
            if field in self.facets:
                bits = self.facets[field].get(value, BitMap())
            elif field in self.reader.schema:
                with self.lock:
                    bits = posting_bits(self.reader, field, value) & self.live
            else:
                bits = BitMap()
            self.term_bits[key] = bits
        return bits

    def rank(self, name: str) -> list[int]:
        """Live docnums in the order of sort `name` (document order, oldest, newest)."""
        order = self.ranks.get(name)
        if order is None:
            with self.lock:
                keys = self.order_keys()
                # "order" values are "YYYYMMDD|slug|position": date first, then reading
                # order; sorts are stable, so ties stay in docnum order.
                if name == "-date":
                    order = sorted(self.live, key=lambda d: keys[d][9:])
                    order.sort(key=lambda d: keys[d][:8], reverse=True)
                else:
                    order = sorted(self.live, key=keys.__getitem__)
                self.ranks[name] = order
        return order

    def order_keys(self) -> list[str]:
        """The "order" column of every docnum, read in bulk (0.3 s less at 100k)."""
        keys = self._order_keys
        if keys is None:
            keys = self._order_keys = _column_strings(self.reader, "order")
        return keys

    def position(self, name: str) -> dict[int, int]:
        found = self.positions.get(name)
        if found is None:
            found = {d: i for i, d in enumerate(self.rank(name))}
            self.positions[name] = found
        return found

    def forget_queries(self) -> None:
        """Drop cached postings and match sets (the benchmark's "query never seen")."""
        with self.lock:
            self.terms.forget()
            self.match_cache.clear()

    def cached_match(self, key: str, compute) -> BitMap:
        return self.cached(key, compute)

    def cached(self, key: str, compute):
        """A small LRU per generation: match sets ("q:"/"n:") and suggestions ("s:")."""
        if key in self.match_cache:
            with self.lock:
                self.match_cache.move_to_end(key)
            return self.match_cache[key]
        value = compute()
        with self.lock:
            self.match_cache[key] = value
            while len(self.match_cache) > 128:
                self.match_cache.popitem(last=False)
        return value


class FacetedWhooshSearchBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self.include_spelling = connection_options.get("INCLUDE_SPELLING", True)
        self._realpath = None

    # Schema ---------------------------------------------------------------------------

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            name = field_class.index_fieldname
            field_type = getattr(field_class, "field_type", "")
            replacement = None
            if field_class.document:
                # Phrases come from the bi-word field (search.scoring). Positions are
                # kept so Whoosh's own phrase queries still work (fallbacks, the
                # benchmark's raw-Whoosh baseline), though blocks without them read
                # three times faster.
                replacement = TEXT(stored=True, analyzer=stemming_analyzer(), spelling=True)
                schema.add(
                    PHRASE_FIELD,
                    TEXT(analyzer=stemming_analyzer() | BiWordFilter(sep=BIWORD_SEP), phrase=False),
                )
            elif isinstance(field_class, FacetField) and field_class.is_multivalued:
                replacement = WHOOSH_ID(
                    stored=True, analyzer=RegexTokenizer(rf"[^{MULTI_SEPARATOR}]+")
                )
            elif isinstance(field_class, FacetField):
                replacement = WHOOSH_ID(stored=True)
            elif field_type == "exact":
                replacement = WHOOSH_ID(
                    stored=True, analyzer=IDTokenizer() | LowercaseFilter(), sortable=True
                )
            elif field_type == "secondary_text":
                # Searched by name only (the parser's default field is the document
                # field); positions kept for `title:"..."` phrases.
                replacement = TEXT(stored=False, analyzer=stemming_analyzer())
            elif field_type == "sortkey":
                replacement = WHOOSH_ID(stored=False, sortable=True)
            elif field_type == "stored":
                replacement = STORED()
            if replacement is not None:
                schema.remove(name)
                schema.add(name, replacement)
        return content_field_name, schema

    # Opening: readers never create; a swapped directory is noticed ----------------------

    def setup(self, create: bool = True):
        if self.use_file_storage:
            exists = os.path.isdir(self.path) and any(
                n.endswith(".toc") for n in os.listdir(self.path)
            )
            if not exists and not create:
                raise IndexUnavailable(f"No search index at {self.path}")
        try:
            super().setup()
        except (OSError, whoosh_index.IndexError, ValueError) as exc:
            raise IndexUnavailable(
                f"The search index at {self.path} cannot be opened: {exc}"
            ) from exc
        self.parser = QueryParser(self.content_field_name, schema=self.schema)
        self._realpath = os.path.realpath(self.path) if self.use_file_storage else None

    def open_index(self, create: bool = False):
        swapped = self.use_file_storage and os.path.realpath(self.path) != self._realpath
        if not self.setup_complete or swapped:
            self.setup_complete = False
            self.setup(create=create)
        try:
            self.index = self.index.refresh()
        except Exception as exc:  # whoosh raises many types for a damaged TOC
            self.setup_complete = False
            raise IndexUnavailable(f"The search index cannot be read: {exc}") from exc
        return self.index

    def _searcher(self):
        """The process's open searcher of the current index (caller holds _READ_LOCK)."""
        self.open_index(create=False)
        old = _SHARED.get(self._realpath)
        try:
            searcher = self.index.searcher() if old is None else old.refresh()
        except Exception as exc:
            raise IndexUnavailable(f"The search index cannot be read: {exc}") from exc
        if searcher is not old:
            # A new index version (or a swapped directory): drop what belonged to others.
            # (refresh() already closed what the old searcher no longer shares.)
            for path in [p for p in _SHARED if p != self._realpath]:
                _close(_SHARED.pop(path))
            generation = searcher.ixreader.generation()
            with _GENERATIONS_LOCK:
                for key in [k for k in _GENERATIONS if k != (self._realpath, generation)]:
                    del _GENERATIONS[key]
            _SHARED[self._realpath] = searcher
        return searcher

    @_reading
    def _generation(self, searcher) -> _Generation:
        key = (self._realpath, searcher.ixreader.generation())
        gen = _GENERATIONS.get(key)
        if gen is None:
            with _GENERATIONS_LOCK:
                gen = _GENERATIONS.get(key)
                if gen is None:
                    gen = _Generation(searcher.ixreader, self.content_field_name)
                    # Keep the newest few versions; older ones are no longer searched.
                    while len(_GENERATIONS) >= 4:
                        _GENERATIONS.pop(next(iter(_GENERATIONS)))
                    _GENERATIONS[key] = gen
        return gen

    # Writing: only the index worker and the rebuild command call these ------------------

    def update(self, index, iterable, commit=True):
        self.open_index(create=True)
        writer = AsyncWriter(self.index)
        count = 0
        for obj in iterable:
            try:
                doc = index.full_prepare(obj)
            except SkipDocument:
                continue
            writer.update_document(**self.whoosh_document(index, doc))
            count += 1
        if count:
            writer.commit()
            if writer.ident is not None:
                writer.join()
        else:
            writer.cancel()

    def whoosh_document(self, index, doc: dict) -> dict:
        """A prepared haystack document as Whoosh values (multi-values keep their commas)."""
        out = {}
        for key, value in doc.items():
            if key == "boost":
                continue
            if isinstance(value, (list, tuple)):
                value = MULTI_SEPARATOR.join(str(v) for v in value)
            elif value is None:
                continue
            else:
                value = self._from_python(value)
            out[key] = value
        if self.content_field_name in out:
            out[PHRASE_FIELD] = out[self.content_field_name]
        return out

    def remove(self, obj_or_string, commit=True):
        self.remove_many([get_identifier(obj_or_string)])

    def remove_many(self, identifiers) -> None:
        identifiers = list(identifiers)
        if not identifiers:
            return
        self.open_index(create=True)
        writer = AsyncWriter(self.index)
        for identifier in identifiers:
            writer.delete_by_term(ID, identifier)
        writer.commit()
        if writer.ident is not None:
            writer.join()

    # Reading ---------------------------------------------------------------------------

    def parse(self, query_string: str):
        """The Whoosh query for `query_string`, or None for "everything"."""
        text = (query_string or "").strip()
        if text in {"", "*", "(*)", "*:*"}:
            return None
        return self.parser.parse(text)

    def _match(self, gen: _Generation, searcher, query_string: str) -> tuple[object, BitMap]:
        parsed = self.parse(query_string)
        if parsed is None:
            return None, gen.live
        bits = gen.cached_match(
            "q:" + query_string, lambda: self._evaluator(gen, searcher).match_bits(parsed)
        )
        return parsed, bits

    def _evaluator(self, gen: _Generation, searcher) -> Evaluator:
        return Evaluator(searcher, gen.terms, phrases=gen.phrases)

    def _narrow(self, gen: _Generation, searcher, narrow: str) -> BitMap:
        def compute():
            return self._query_bits(gen, searcher, self.parser.parse(narrow))

        return gen.cached_match("n:" + narrow, compute)

    def _query_bits(self, gen: _Generation, searcher, q) -> BitMap:
        if isinstance(q, wq.Term):
            return gen.term(q.fieldname, q.text)
        if isinstance(q, wq.Or):
            return BitMap.union(
                BitMap(), *(self._query_bits(gen, searcher, s) for s in q.subqueries)
            )
        if isinstance(q, wq.And):
            parts = [self._query_bits(gen, searcher, s) for s in q.subqueries]
            return BitMap.intersection(*parts) if parts else BitMap(gen.live)
        return BitMap(searcher.docs_for_query(q)) & gen.live

    @_reading
    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        facets=None,
        narrow_queries=None,
        spelling_query=None,
        models=None,
        result_class=None,
        facet_filters=None,
        **kwargs,
    ):
        searcher = self._searcher()
        gen = self._generation(searcher)
        parsed, match = self._match(gen, searcher, query_string)

        base = BitMap(match)
        if models:
            cts = [f"{m._meta.app_label}.{m._meta.model_name}" for m in models]
            base &= BitMap.union(BitMap(), *(gen.term(DJANGO_CT, ct) for ct in cts))
        for narrow in narrow_queries or ():
            base &= self._narrow(gen, searcher, narrow)

        selected = {
            field: BitMap.union(BitMap(), *(gen.facet(field).get(v, BitMap()) for v in values))
            for field, values in (facet_filters or {}).items()
            if values
        }
        allowed = BitMap(base)
        for bits in selected.values():
            allowed &= bits

        facet_counts = {}
        for field in facets or {}:
            scope = BitMap(base)
            for other, bits in selected.items():
                if other != field:
                    scope &= bits
            active = set((facet_filters or {}).get(field) or ())
            counts = []
            for value, bits in gen.facet(field).items():
                n = scope.intersection_cardinality(bits)
                if n or value in active:
                    counts.append((value, n))
            counts.sort(key=lambda item: (-item[1], item[0]))
            facet_counts[field] = counts

        hits = len(allowed)
        end = hits if end_offset is None else min(end_offset, hits)
        start = max(0, start_offset or 0)
        page: list[tuple[int, float]] = []
        sort_name = _sort_name(sort_by)
        if hits and start < end:
            if parsed is None or sort_name in RANK_SORTS:
                page = [(d, 0.0) for d in _ranked(gen, sort_name or "order", allowed, end)]
            else:
                page = self._scored(gen, searcher, parsed, match, allowed, end, sort_by)
            page = page[start:end]

        results = self._results(searcher, page, result_class)
        suggestion = None
        if self.include_spelling:
            text = spelling_query or query_string
            suggestion = gen.cached(
                "s:" + (text or ""), lambda: self.spelling_suggestion(searcher, text)
            )
        return {
            "results": results,
            "hits": hits,
            "facets": {"fields": facet_counts, "dates": {}, "queries": {}} if facets else {},
            "spelling_suggestion": suggestion,
        }

    def _scored(self, gen, searcher, parsed, match, allowed, limit, sort_by):
        if not sort_by:
            # BM25F over cached posting arrays: the same scores as Whoosh's collector,
            # without walking every match in Python (see search.scoring).
            return top(self._evaluator(gen, searcher).scores(parsed), allowed, limit)
        kwargs = {"limit": limit}
        excluded = match - allowed
        if excluded:
            # Whoosh reads an empty filter as "no filter"; here allowed is never empty.
            if len(excluded) <= len(allowed):
                kwargs["mask"] = set(excluded)
            else:
                kwargs["filter"] = set(allowed)
        if sort_by:
            kwargs["sortedby"] = [s.lstrip("-") for s in sort_by]
            kwargs["reverse"] = sort_by[0].startswith("-")
        hits = searcher.search(parsed, **kwargs)
        return [(hit.docnum, hit.score or 0.0) for hit in hits]

    def _results(self, searcher, page, result_class):
        result_class = result_class or SearchResult
        results = []
        for docnum, score in page:
            stored = dict(searcher.stored_fields(docnum))
            app_label, model_name = stored.pop(DJANGO_CT).split(".")
            pk = stored.pop(DJANGO_ID)
            stored.pop(self.content_field_name, None)
            for key, value in list(stored.items()):
                if isinstance(value, str) and MULTI_SEPARATOR in value:
                    stored[key] = value.split(MULTI_SEPARATOR)
            results.append(result_class(app_label, model_name, pk, score, **stored))
        return results

    def spelling_suggestion(self, searcher, query_string: str | None) -> str | None:
        """The query with unknown words replaced by the closest indexed word, or None."""
        if not query_string or query_string.strip() in {"*", ""}:
            return None
        reader = searcher.reader()
        field = self.content_field_name
        analyzer = self.schema[field].analyzer
        corrector = None
        changed = False
        lookups = 0

        def fix(match: re.Match) -> str:
            nonlocal corrector, changed, lookups
            word = match.group(1)
            if word in _OPERATORS:
                return word
            stems = [t.text for t in analyzer(word)]
            if not stems or all((field, s) in reader for s in stems):
                return word
            # Each lookup walks the word graph (~40 ms): a query of 80 unknown words
            # took 3 s. The first few unknown words are enough for "Did you mean".
            if lookups >= MAX_SUGGESTION_LOOKUPS:
                return word
            lookups += 1
            corrector = corrector or reader.corrector(field)
            found = corrector.suggest(word.lower(), limit=1, maxdist=2)
            if found and found[0] != word.lower():
                changed = True
                return found[0]
            return word

        suggestion = _WORD.sub(fix, query_string.strip("()"))
        return suggestion if changed else None

    @_reading
    def facet_values(self, field: str) -> set[str]:
        """Every value of a facet field in the index (to whitelist user input)."""
        searcher = self._searcher()
        return set(self._generation(searcher).facet(field))

    @_reading
    def term_weights(self, terms) -> dict[str, float]:
        """IDF of index terms of the text field, as BM25F computes it (snippet placing)."""
        reader = self._searcher().reader()
        field, n = self.content_field_name, reader.doc_count_all() or 1
        return {t: log(n / (reader.doc_frequency(field, t) + 1)) + 1 for t in terms}

    @_reading
    def doc_counts(self) -> dict[str, int]:
        """Live index entries per model label, e.g. {"documents.paragraph": 1234}."""
        searcher = self._searcher()
        gen = self._generation(searcher)
        return {ct: len(bits) for ct, bits in gen.facet(DJANGO_CT).items()}

    @_reading
    def stored_entries(self, fields=("fingerprint",)) -> list[tuple[str, dict]]:
        """(identifier, {field: value}) of every live entry: for check_index."""
        searcher = self._searcher()
        out = []
        for docnum in self._generation(searcher).live:
            stored = searcher.stored_fields(docnum)
            out.append((stored[ID], {f: stored.get(f) for f in fields}))
        return out

    @_reading
    def more_like_this(
        self,
        model_instance,
        additional_query_string=None,
        start_offset=0,
        end_offset=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        **kwargs,
    ):
        searcher = self._searcher()
        gen = self._generation(searcher)
        docnum = searcher.document_number(**{ID: get_identifier(model_instance)})
        if docnum is None:
            return {"results": [], "hits": 0}
        ct = f"{model_instance._meta.app_label}.{model_instance._meta.model_name}"
        others = gen.live - gen.term(DJANGO_CT, ct)
        top = end_offset or 10
        q = _more_like_query(searcher, docnum, self.content_field_name)
        hits = searcher.search(q, limit=top, mask=set(others) | {docnum})
        page = [(hit.docnum, hit.score or 0.0) for hit in hits][start_offset:top]
        results = self._results(searcher, page, result_class)
        return {"results": results, "hits": len(results)}


def _column_strings(reader, field: str) -> list[str]:
    """A string column's value for every docnum ("" where missing)."""
    out: list[str] = []
    for leaf, _ in reader.leaf_readers():
        n = leaf.doc_count_all()
        if field not in leaf.schema or not leaf.has_column(field):
            out += [""] * n
            continue
        column = leaf.column_reader(field)
        raw = getattr(column, "_reader", None)
        if isinstance(raw, VarBytesColumn.Reader) and len(raw._lengths) == n:
            # One read of the column's bytes, sliced here, instead of a read per document.
            offsets, lengths = raw._offsets, raw._lengths
            end = offsets[-1] + lengths[-1] if n else 0
            blob = raw._dbfile.get(raw._basepos, end)
            out += [
                blob[o : o + ln].decode("utf-8") for o, ln in zip(offsets, lengths, strict=True)
            ]
        else:
            out += [column[d] or "" for d in range(n)]
    return out


def _close(searcher) -> None:
    try:
        searcher.close()
    except Exception:  # an already closed or damaged reader: nothing left to release
        logger.debug("Closing a search index reader failed", exc_info=True)


def _more_like_query(searcher, docnum: int, field: str):
    """The key terms of `docnum` as an OR query (Whoosh's own more_like, with a mask)."""
    text = searcher.stored_fields(docnum).get(field) or ""
    keywords = [w for w, _ in searcher.key_terms_from_text(field, text, numterms=12)]
    return wq.Or([wq.Term(field, w) for w in keywords])


def _sort_name(sort_by) -> str | None:
    if not sort_by:
        return None
    return sort_by[0] if len(sort_by) == 1 else ",".join(sort_by)


def _ranked(gen: _Generation, name: str, allowed: BitMap, limit: int) -> list[int]:
    """The first `limit` docnums in sort order `name` that are in `allowed`."""
    order = gen.rank(name)
    if len(allowed) * 20 < len(order):
        # A sparse selection: sort its few docs by rank instead of scanning every doc.
        return sorted(allowed, key=gen.position(name).__getitem__)[:limit]
    out = []
    for docnum in order:
        if docnum in allowed:
            out.append(docnum)
            if len(out) >= limit:
                break
    return out


class FacetedWhooshSearchQuery(WhooshSearchQuery):
    """Carries disjunctive facet selections ({field: [values]}) to the backend."""

    def __init__(self, using="default"):
        super().__init__(using=using)
        self.facet_filters: dict[str, list[str]] = {}

    def add_facet_filter(self, field: str, values) -> None:
        self.facet_filters[field] = list(values)

    def build_params(self, spelling_query=None):
        kwargs = super().build_params(spelling_query=spelling_query)
        if self.facet_filters:
            kwargs["facet_filters"] = {k: list(v) for k, v in self.facet_filters.items()}
        return kwargs

    def _clone(self, klass=None, using=None):
        clone = super()._clone(klass=klass, using=using)
        clone.facet_filters = {k: list(v) for k, v in getattr(self, "facet_filters", {}).items()}
        return clone


class FacetedWhooshEngine(BaseEngine):
    backend = FacetedWhooshSearchBackend
    query = FacetedWhooshSearchQuery
