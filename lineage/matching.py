"""Paragraph matching: pure functions over text, no ORM and no I/O.

The pipeline, used by the services for the whole corpus, one document, a comparison of
two documents and the agreed-language check:

1. `tokens()` normalises a text into words (NFKC, case-folded, punctuation dropped).
2. `shingles()` turns words into hashed word pairs; an inverted index over them
   (`ShingleIndex` in memory, or the `ParagraphShingle` table) proposes candidates that
   share rare pairs, so the cost grows with the corpus, not with its square.
3. `TokenEncoder` maps each distinct word to one character, so that rapidfuzz's string
   metrics (written in C) work at word level: `fuzz.ratio` of two encoded texts is the
   word-level Indel similarity, 100 × 2·LCS / (len a + len b).
4. `classify()` names the score; `word_diff()` lists the words inserted and deleted.
"""

from __future__ import annotations

import bisect
import enum
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

WORD_RE = re.compile(r"\w+")
# Display tokens: words, single punctuation marks; whitespace is kept as a token's tail.
DISPLAY_RE = re.compile(r"(\w+|[^\w\s])(\s*)")

SHINGLE_SIZE = 2  # word pairs survive scattered edits better than triples
MIN_TOKENS = 3  # shorter texts ("I. Prevention") are not worth linking
MAX_DF = 500  # a pair found in more paragraphs than this is boilerplate, not evidence
CANDIDATE_LIMIT = 50  # at most this many candidates are scored per paragraph

IDENTICAL_SCORE = 100.0
MINOR_MIN = 80.0  # a few words changed in a typical paragraph
SUBSTANTIAL_MIN = 50.0  # below this, two texts share phrases but not a paragraph


class Similarity(enum.StrEnum):
    IDENTICAL = "identical"
    MINOR = "minor"
    SUBSTANTIAL = "substantial"
    NEW = "new"


SIMILARITY_LABELS = {
    Similarity.IDENTICAL: "Identical",
    Similarity.MINOR: "Minor edits",
    Similarity.SUBSTANTIAL: "Substantially changed",
    Similarity.NEW: "New",
}


def tokens(text: str) -> list[str]:
    """The words of `text`, normalised: one per `\\w+` run of the original, in order.

    One normalised word per original word keeps the positions comparable with
    `display_tokens()`, so an alignment found on normalised words maps back to the text.
    """
    return [unicodedata.normalize("NFKC", w).casefold() for w in WORD_RE.findall(text)]


def normalise(text: str) -> str:
    return " ".join(tokens(text))


def shingle_hash(words: Sequence[str]) -> int:
    """A stable signed 32-bit hash (fits an IntegerField on every database)."""
    return zlib.crc32(" ".join(words).encode()) - 2**31


def shingles(words: Sequence[str], size: int = SHINGLE_SIZE) -> set[int]:
    if not words:
        return set()
    if len(words) < size:
        return {shingle_hash(words)}
    return {shingle_hash(words[i : i + size]) for i in range(len(words) - size + 1)}


def classify(score: float, identical: bool = False) -> Similarity:
    """Name a similarity score (0–100). `identical`: the normalised texts are equal."""
    if identical or score >= IDENTICAL_SCORE:
        return Similarity.IDENTICAL
    if score >= MINOR_MIN:
        return Similarity.MINOR
    if score >= SUBSTANTIAL_MIN:
        return Similarity.SUBSTANTIAL
    return Similarity.NEW


class TokenEncoder:
    """Maps words to single characters so rapidfuzz compares texts word by word."""

    # Private-use and CJK planes are avoided only for readability while debugging;
    # any code point outside the surrogate range works.
    _FIRST = 0x100

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, words: Iterable[str]) -> str:
        codes = self._codes
        out = []
        for w in words:
            c = codes.get(w)
            if c is None:
                n = self._FIRST + len(codes)
                if n >= 0xD800:  # skip the surrogate block
                    n += 0x800
                c = codes[w] = chr(n)
            out.append(c)
        return "".join(out)


def similarity(a: str, b: str) -> float:
    """Word-level similarity (0–100) of two texts."""
    encoder = TokenEncoder()
    return fuzz.ratio(encoder.encode(tokens(a)), encoder.encode(tokens(b)))


# Candidates ------------------------------------------------------------------------------


def rank_candidates(
    query: set[int],
    postings: dict[int, Sequence[int]],
    *,
    max_df: int = MAX_DF,
    limit: int = CANDIDATE_LIMIT,
    exclude: Iterable[int] = (),
) -> list[tuple[int, int]]:
    """Keys sharing the most rare shingles with `query`, as (key, shared count), best first.

    `postings` maps a shingle to the keys holding it (for the query's shingles at least;
    a missing shingle counts as absent). Shingles held by more than `max_df` keys are
    ignored, unless all of them are that common: then the two rarest are used, so a
    boilerplate paragraph still finds its identical twins.
    """
    lists = [postings[s] for s in query if s in postings]
    rare = [p for p in lists if len(p) <= max_df]
    if not rare and lists:
        rare = sorted(lists, key=len)[:2]
    counts = Counter(chain.from_iterable(rare))
    for key in exclude:
        counts.pop(key, None)
    return counts.most_common(limit)


class ShingleIndex:
    """An in-memory inverted index: shingle -> keys. For whole-corpus runs."""

    def __init__(self) -> None:
        self.postings: dict[int, list[int]] = {}

    def add(self, key: int, keys_shingles: Iterable[int]) -> None:
        postings = self.postings
        for s in keys_shingles:
            found = postings.get(s)
            if found is None:
                postings[s] = [key]
            else:
                found.append(key)


# Linking -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """A paragraph as the matcher sees it: `group` is its document."""

    key: int
    group: int
    text: str


@dataclass(frozen=True)
class Link:
    source: int
    target: int
    score: float
    similarity: Similarity


@dataclass
class Prepared:
    """Passages tokenised, encoded and shingled once."""

    passages: dict[int, Passage] = field(default_factory=dict)
    encoded: dict[int, str] = field(default_factory=dict)
    normalised: dict[int, tuple[str, ...]] = field(default_factory=dict)
    shingles: dict[int, set[int]] = field(default_factory=dict)
    encoder: TokenEncoder = field(default_factory=TokenEncoder)

    def add(self, passage: Passage) -> bool:
        words = tokens(passage.text)
        if len(words) < MIN_TOKENS:
            return False
        self.passages[passage.key] = passage
        self.encoded[passage.key] = self.encoder.encode(words)
        self.normalised[passage.key] = tuple(words)
        self.shingles[passage.key] = shingles(words)
        return True


def prepare(passages: Iterable[Passage]) -> Prepared:
    prepared = Prepared()
    for p in passages:
        prepared.add(p)
    return prepared


def score_against(
    prepared: Prepared, source: int, candidates: Iterable[int]
) -> list[tuple[int, float]]:
    """(candidate, score) for candidates in other groups scoring at least SUBSTANTIAL_MIN."""
    group = prepared.passages[source].group
    keys = [c for c in candidates if c in prepared.passages and prepared.passages[c].group != group]
    if not keys:
        return []
    found = process.extract(
        prepared.encoded[source],
        [prepared.encoded[k] for k in keys],
        scorer=fuzz.ratio,
        score_cutoff=SUBSTANTIAL_MIN,
        limit=None,
    )
    return [(keys[index], score) for _, score, index in found]


def best_per_group(
    prepared: Prepared, source: int, scored: Iterable[tuple[int, float]]
) -> list[Link]:
    """One link per other document: its best-scoring paragraph (ties: the earlier key)."""
    best: dict[int, tuple[float, int]] = {}
    for key, score in scored:
        group = prepared.passages[key].group
        current = best.get(group)
        if current is None or (score, -key) > (current[0], -current[1]):
            best[group] = (score, key)
    links = []
    for score, key in best.values():
        identical = prepared.normalised[source] == prepared.normalised[key]
        links.append(Link(source, key, round(score, 2), classify(score, identical)))
    return links


def link_corpus(passages: Iterable[Passage]) -> list[Link]:
    """Links for every passage: its best counterpart in each other group (document).

    Roughly linear: each passage is scored only against the candidates its rare
    shingles propose (at most CANDIDATE_LIMIT).
    """
    prepared = prepare(passages)
    index = ShingleIndex()
    for key, sh in prepared.shingles.items():
        index.add(key, sh)
    links: list[Link] = []
    for key, sh in prepared.shingles.items():
        ranked = rank_candidates(sh, index.postings, exclude=(key,))
        scored = score_against(prepared, key, (k for k, _ in ranked))
        links.extend(best_per_group(prepared, key, scored))
    return links


def link_group(
    prepared: Prepared, group_keys: Sequence[int], candidates: dict[int, list[int]]
) -> list[Link]:
    """Links from and to one group's passages, given each one's candidate keys.

    Outgoing: each passage's best counterpart per other group. Incoming: for every
    candidate from another group, its best counterpart within this group.
    """
    links: list[Link] = []
    incoming: dict[int, list[tuple[int, float]]] = {}
    for key in group_keys:
        if key not in prepared.passages:
            continue
        scored = score_against(prepared, key, candidates.get(key, []))
        links.extend(best_per_group(prepared, key, scored))
        for other, score in scored:
            incoming.setdefault(other, []).append((key, score))
    for other, scored in incoming.items():
        links.extend(best_per_group(prepared, other, scored))
    return links


# Word-level differences --------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of text: `op` is "equal", "insert" or "delete". Text is raw, never HTML."""

    op: str
    text: str


def display_tokens(text: str) -> list[tuple[str, str]]:
    """(token, following whitespace) pairs: words and single punctuation marks."""
    return [(m.group(1), m.group(2)) for m in DISPLAY_RE.finditer(text.strip())]


def _joined(toks: Sequence[tuple[str, str]]) -> str:
    return "".join(t + ws for t, ws in toks)


def word_diff(old: str, new: str) -> list[Segment]:
    """How `new` differs from `old`, word by word (case and punctuation count).

    Deletions come before the insertions that replace them. Whitespace between
    segments stays outside the marked runs, so "<del>x</del> <ins>y</ins>" reads well.
    """
    a, b = display_tokens(old), display_tokens(new)
    encoder = TokenEncoder()
    ea = encoder.encode(t for t, _ in a)
    eb = encoder.encode(t for t, _ in b)
    runs: list[tuple[str, str]] = []
    pending_delete: list[tuple[str, str]] = []
    pending_insert: list[tuple[str, str]] = []

    def flush() -> None:
        for op, toks in (("delete", pending_delete), ("insert", pending_insert)):
            if toks:
                runs.append((op, _joined(toks)))
                toks.clear()

    for op in Indel.opcodes(ea, eb):
        if op.tag == "equal":
            flush()
            runs.append(("equal", _joined(b[op.dest_start : op.dest_end])))
        elif op.tag == "delete":
            pending_delete.extend(a[op.src_start : op.src_end])
        else:
            pending_insert.extend(b[op.dest_start : op.dest_end])
    flush()

    segments: list[Segment] = []
    for i, (op, text) in enumerate(runs):
        body = text.rstrip()
        tail = text[len(body) :]
        if op != "equal":
            previous = segments[-1].text if segments else ""
            # A change right after a word with no space between (the space was the
            # changed token's): restore one so the words do not run together.
            if previous and not previous[-1].isspace() and body[:1].isalnum():
                _append(segments, "equal", " ")
            _append(segments, op, body)
            if tail or (op == "delete" and i + 1 < len(runs) and runs[i + 1][0] == "insert"):
                _append(segments, "equal", tail or " ")
        else:
            _append(segments, "equal", text)
    # Trailing whitespace is noise.
    while segments and segments[-1].op == "equal" and not segments[-1].text.strip():
        segments.pop()
    return segments


def _append(segments: list[Segment], op: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


def diff_counts(segments: Iterable[Segment]) -> tuple[int, int]:
    """(words inserted, words deleted)."""
    inserted = deleted = 0
    for s in segments:
        if s.op == "insert":
            inserted += len(WORD_RE.findall(s.text))
        elif s.op == "delete":
            deleted += len(WORD_RE.findall(s.text))
    return inserted, deleted


# Agreed language: a pasted text against whole paragraphs -------------------------------


@dataclass(frozen=True)
class QueryMatch:
    key: int
    score: float
    similarity: Similarity
    within: bool  # the text matches part of a longer paragraph
    excerpt: str  # the part of the paragraph it was compared with


def match_query(query: str, candidates: dict[int, str], *, limit: int = 10) -> list[QueryMatch]:
    """Paragraphs closest to `query`, best first, each with the stretch compared.

    A query shorter than a paragraph is compared with its best-matching stretch (see
    `best_stretch`), so a sentence found inside a longer paragraph counts as agreed
    language, while a paste of nearly all of a paragraph is compared with all of it.
    """
    encoder = TokenEncoder()
    q_words = tokens(query)
    eq = encoder.encode(q_words)
    results = []
    for key, text in candidates.items():
        words = tokens(text)
        ep = encoder.encode(words)
        if not words:
            continue
        if len(eq) < len(ep):
            rough = fuzz.partial_ratio_alignment(eq, ep, score_cutoff=REFINE_MIN)
            if rough is None:
                continue
            start, end = best_stretch(eq, ep, rough.dest_start, rough.dest_end)
            score = fuzz.ratio(eq, ep[start:end])
            within = start > 0 or end < len(ep)
        else:
            score = fuzz.ratio(eq, ep)
            start, end, within = 0, len(ep), False
        if score < SUBSTANTIAL_MIN:
            continue
        excerpt = _word_window(text, start, end) if within else text
        identical = q_words == words[start:end]
        results.append(
            QueryMatch(key, round(score, 2), classify(score, identical), within, excerpt)
        )
    results.sort(key=lambda m: (-m.score, m.within, m.key))
    return results[:limit]


# A rough stretch scoring below this cannot become a match once refined.
REFINE_MIN = 40.0
# A stretch leaving out of the paragraph no more than this many words (or this share of
# it) covers "nearly all" of it: the whole paragraph is compared instead.
EDGE_WORDS = 2
EDGE_SHARE = 0.15


def best_stretch(query: str, paragraph: str, start: int, end: int) -> tuple[int, int]:
    """The stretch [start, end) of `paragraph` to compare `query` with (both encoded).

    From a rough stretch (rapidfuzz's partial alignment, as long as the query): each
    end moves to where the similarity is highest, so words the query left out or added
    inside do not cut matching words off either end; words of the query left unmatched
    at an end are paired with the paragraph's neighbouring words (a replaced first or
    last word shows as replaced); and a stretch leaving out only a few words of the
    paragraph becomes the whole paragraph, so that leaving out "Requests the" shows as
    a deletion, not as "part of a longer paragraph".
    """
    n = len(paragraph)
    longest = 2 * len(query) + 2  # a longer stretch cannot score above a shorter one
    for _ in range(2):
        ends = range(start + 1, min(n, start + longest) + 1)
        end = ends[_best(query, [paragraph[start:e] for e in ends], end - start - 1)]
        starts = range(max(0, end - longest), end)
        start = starts[_best(query, [paragraph[b:end] for b in starts], start - starts[0])]
    head, tail = _unmatched_edges(paragraph[start:end], query)
    start, end = max(0, start - head), min(n, end + tail)
    if start + (n - end) <= max(EDGE_WORDS, EDGE_SHARE * n):
        return 0, n
    return start, end


def _best(query: str, choices: list[str], current: int) -> int:
    """Index of the choice most similar to `query`; `current` wins ties."""
    scores = process.cdist([query], choices, scorer=fuzz.ratio)[0]
    best = current
    for i, score in enumerate(scores):
        if score > scores[best]:
            best = i
    return best


def _unmatched_edges(stretch: str, query: str) -> tuple[int, int]:
    """Words of `query` before its first and after its last word matched in `stretch`."""
    blocks = [op for op in Indel.opcodes(stretch, query) if op.tag == "equal"]
    if not blocks:
        return 0, 0
    return blocks[0].dest_start, len(query) - blocks[-1].dest_end


def _word_window(text: str, start: int, end: int) -> str:
    """The original text from its `start`-th word to its `end`-th, with punctuation."""
    spans = [m.span() for m in WORD_RE.finditer(text)]
    if not spans or start >= len(spans):
        return text
    begin = spans[start][0] if start > 0 else 0
    finish = spans[min(end, len(spans)) - 1][1]
    # Keep punctuation that closes the stretch ("persons;" or "(INTERPOL)").
    while finish < len(text) and not text[finish].isspace() and not text[finish].isalnum():
        finish += 1
    return text[begin:finish].strip()


# Document comparison --------------------------------------------------------------------


class RowStatus(enum.StrEnum):
    MATCHED = "matched"
    CHANGED = "changed"
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class AlignedRow:
    status: RowStatus
    a: int | None  # index into the first document's paragraphs
    b: int | None  # index into the second's
    score: float = 0.0
    similarity: Similarity = Similarity.NEW


def align(a_texts: Sequence[str], b_texts: Sequence[str]) -> list[AlignedRow]:
    """Align two documents' paragraphs: one-to-one pairs by best score first.

    Pairs keep their order unless they must cross others (the longest run kept in
    order stays put; the rest are "moved"). Rows follow the second document's order;
    a removed paragraph sits after the row of its predecessor in the first document.
    """
    encoder = TokenEncoder()
    a_words = [tokens(t) for t in a_texts]
    b_words = [tokens(t) for t in b_texts]
    ea = [encoder.encode(w) for w in a_words]
    eb = [encoder.encode(w) for w in b_words]
    pairs: list[tuple[float, float, int, int]] = []
    if ea and eb:
        matrix = process.cdist(ea, eb, scorer=fuzz.ratio, score_cutoff=SUBSTANTIAL_MIN)
        for i, row in enumerate(matrix):
            for j, score in enumerate(row):
                if score >= SUBSTANTIAL_MIN and a_words[i] and b_words[j]:
                    drift = abs(i / len(ea) - j / len(eb))
                    pairs.append((-float(score), drift, i, j))
    pairs.sort()
    match_a: dict[int, tuple[int, float]] = {}
    used_b: set[int] = set()
    for neg_score, _, i, j in pairs:
        if i in match_a or j in used_b:
            continue
        match_a[i] = (j, -neg_score)
        used_b.add(j)

    in_order = _longest_increasing([match_a[i][0] for i in sorted(match_a)])
    rows_by_b: dict[int, AlignedRow] = {}
    for i, (j, score) in match_a.items():
        identical = a_words[i] == b_words[j]
        sim = classify(score, identical)
        if j not in in_order:
            status = RowStatus.MOVED
        elif identical:
            status = RowStatus.MATCHED
        else:
            status = RowStatus.CHANGED
        rows_by_b[j] = AlignedRow(status, i, j, round(score, 2), sim)

    ordered: list[tuple[float, AlignedRow]] = []
    for j in range(len(b_texts)):
        row = rows_by_b.get(j) or AlignedRow(RowStatus.ADDED, None, j)
        ordered.append((float(j), row))
    anchor = -1.0  # b position of the last matched predecessor in a
    for i in range(len(a_texts)):
        if i in match_a:
            anchor = float(match_a[i][0])
        else:
            ordered.append((anchor + 0.5 + i * 1e-6, AlignedRow(RowStatus.REMOVED, i, None)))
    ordered.sort(key=lambda item: item[0])
    return [row for _, row in ordered]


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """The values of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []  # index into values of the smallest tail per length
    tail_values: list[int] = []
    previous: list[int] = [-1] * len(values)
    for idx, v in enumerate(values):
        pos = bisect.bisect_left(tail_values, v)
        if pos > 0:
            previous[idx] = tails[pos - 1]
        if pos == len(tails):
            tails.append(idx)
            tail_values.append(v)
        else:
            tails[pos] = idx
            tail_values[pos] = v
    kept = set()
    idx = tails[-1] if tails else -1
    while idx >= 0:
        kept.add(values[idx])
        idx = previous[idx]
    return kept


def row_counts(rows: Iterable[AlignedRow]) -> dict[str, int]:
    counts = {status.value: 0 for status in RowStatus}
    for row in rows:
        counts[row.status.value] += 1
    return counts
