"""search.scoring answers exactly what Whoosh's own matchers answer, only faster.

The index here is plain Whoosh (two segments and a deletion, like an index the worker
has written to), so every query's match set and top hits can be compared with
`searcher.docs_for_query` and `searcher.search`.
"""

import pytest
from pyroaring import BitMap
from whoosh.analysis import BiWordFilter
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from search.analysis import stemming_analyzer
from search.scoring import BIWORD_SEP, PHRASE_FIELD, Evaluator, TermCache, top

TEXTS = [
    "Urges States to ensure the non-punishment of victims of trafficking in persons;",
    "Calls upon Governments to address forced labour in supply chains of businesses;",
    "Recalling the Protocol to Prevent, Suppress and Punish Trafficking in Persons;",
    "Urges Member States to improve data collection on trafficking, including the Internet;",
    "Condemns trafficking in persons by armed groups in areas affected by armed conflict;",
    "Encourages States to strengthen data collection and analysis on labor and labour;",
    # Has the bi-words "victim traffick" and "traffick person", never the whole phrase:
    "Assist victims trafficking networks exploit; trafficking persons abroad is a crime;",
    "Urges businesses to eliminate forced labour from their supply chains and supply;",
    "Protection of children and protective measures for child victims of trafficking;",
    "International cooperation, international cooperation and international assistance;",
    "Deleted paragraph about trafficking in persons and supply chains;",
    "Supply of chains; chains of supply; a supply chain of victims;",
    "Victims of trafficking in persons, and trafficking of persons who are victims;",
]

QUERIES = [
    "trafficking",
    "victims",
    "data collection",
    '"supply chains"',
    '"trafficking in persons"',
    '"victims of trafficking in persons"',
    '"chains supply"',
    "non-punishment of victims",
    "labour OR labor",
    "data -Internet",
    "data NOT Internet",
    "traffick*",
    "protect* children",
    "cooperation AND international",
    "(labour OR victims) NOT supply",
    "symbol:a/res/1",
    "nothingmatchesthis",
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    analyzer = stemming_analyzer()
    schema = Schema(
        id=ID(stored=True, unique=True),
        symbol=ID(),
        # Positions only so that Whoosh can give the expected phrase answers; ours come
        # from the bi-words and the stored text.
        text=TEXT(analyzer=analyzer, stored=True),
        **{PHRASE_FIELD: TEXT(analyzer=analyzer | BiWordFilter(sep=BIWORD_SEP), phrase=False)},
    )
    ix = FileStorage(str(tmp_path_factory.mktemp("scoring"))).create_index(schema)
    half = len(TEXTS) // 2
    for chunk in (TEXTS[:half], TEXTS[half:]):
        writer = ix.writer()
        for text in chunk:
            n = TEXTS.index(text)
            writer.add_document(
                id=str(n), symbol=f"a/res/{n % 3}", text=text, **{PHRASE_FIELD: text}
            )
        writer.commit(merge=False)
    writer = ix.writer()
    writer.delete_by_term(
        "id", str(TEXTS.index("Deleted paragraph about trafficking in persons and supply chains;"))
    )
    writer.commit(merge=False)
    s = ix.searcher()
    assert len(s.reader().leaf_readers()) == 2
    yield s
    s.close()


@pytest.mark.parametrize("phrases", [True, False], ids=["bi-words", "no bi-word field"])
@pytest.mark.parametrize("query", QUERIES)
def test_match_set_and_ranking_equal_whooshs(searcher, query, phrases):
    parsed = QueryParser("text", schema=searcher.schema).parse(query)
    live = BitMap(searcher.reader().all_doc_ids())
    evaluator = Evaluator(searcher, TermCache(searcher.reader(), live), phrases=phrases)

    bits = evaluator.match_bits(parsed)
    assert bits == BitMap(searcher.docs_for_query(parsed)) & live

    expected = [(hit.docnum, hit.score) for hit in searcher.search(parsed, limit=5)]
    ours = top(evaluator.scores(parsed), bits, 5)
    assert [d for d, _ in ours] == [d for d, _ in expected]
    if "NOT" not in query and "-" not in query:  # Whoosh adds 1.0 for every NOT clause
        assert [round(s, 6) for _, s in ours] == [round(s, 6) for _, s in expected]


def test_three_word_phrase_is_exact_not_just_its_bi_words(searcher):
    parsed = QueryParser("text", schema=searcher.schema).parse(
        '"victims of trafficking in persons"'
    )
    live = BitMap(searcher.reader().all_doc_ids())
    bits = Evaluator(searcher, TermCache(searcher.reader(), live), phrases=True).match_bits(parsed)
    texts = {searcher.stored_fields(d)["id"] for d in bits}
    assert texts == {"0", "12"}  # not "Assist victims trafficking ...; trafficking persons"


def test_top_breaks_ties_by_document_number():
    import numpy as np

    dense = np.array([1.0, 2.0, 2.0, 0.5, 2.0])
    assert top(dense, BitMap([0, 1, 2, 3, 4]), 2) == [(1, 2.0), (2, 2.0)]
    assert top(dense, BitMap([3, 4]), 5) == [(4, 2.0), (3, 0.5)]
    assert top(dense, BitMap(), 5) == []


@pytest.mark.parametrize(
    "query, text, marked",
    [
        ("victim", "Victims and victim's families", ["Victims", "victim"]),
        ("traffick*", "Trafficking, traffickers and traffic", ["Trafficking", "traffickers"]),
        (
            '"supply chains"',
            "supply chain; supplies chained",
            ["supply", "chain", "supplies", "chained"],
        ),
        ("use", "Let us use it", ["use"]),  # "us" is a stop word, not the stem of "use"
        ("data -Internet", "Data on the Internet", ["Data"]),
        # A symbol also matches as a phrase in the text ("A" is too short to be indexed):
        ("A/RES/55/25", "Recalling A/RES/55/25 and 55", ["RES", "55", "25", "55"]),
    ],
)
def test_highlight_marks_what_the_index_matched(query, text, marked):
    import re

    from search.highlight import highlight, query_terms
    from search.querytext import clean_query

    html = str(highlight(text, query_terms(clean_query(query).text)))
    assert re.findall(r"<mark>(.*?)</mark>", html) == marked


def test_highlight_tokens_equal_the_index_analyzer():
    from pathlib import Path

    from search.analysis import stemming_analyzer
    from search.highlight import _WORDS, _stem

    analyzer = stemming_analyzer()  # what the index uses

    for path in sorted(Path("fixtures/corpus").glob("*.txt"))[:3]:
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = [(t.startchar, t.endchar, t.text) for t in analyzer(text, chars=True)]
        ours = [(m.start(), m.end(), _stem(m.group().lower())) for m in _WORDS.finditer(text)]
        assert [token for token in ours if token[2]] == expected
