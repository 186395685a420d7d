"""The pure matching core: normalisation, classification, diffs, alignment, candidates."""

import pytest

from lineage import matching
from lineage.matching import RowStatus, Segment, Similarity
from lineage.series import SeriesDocument, group_series, series_body_key, series_title_key

DECL_15_DRAFT = (
    "We reaffirm the important contribution of the other ICAT members, in particular the "
    "International Labour Organization, the International Police Organization, the "
    "United Nations Development Programme;"
)
DECL_15_ADOPTED = (
    "We reaffirm the important contribution of the other ICAT members, in particular the "
    "International Labour Organization, the International Criminal Police Organization "
    "(INTERPOL), the United Nations Development Programme;"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Urges Member States;", ["urges", "member", "states"]),
        ("  Urges   MEMBER states ", ["urges", "member", "states"]),
        ("Children’s rights — “Palermo”", ["children", "s", "rights", "palermo"]),
        ("resolution 70/179,", ["resolution", "70", "179"]),
        ("ﬁnancial", ["financial"]),  # NFKC folds the ligature
        ("", []),
    ],
)
def test_tokens_normalise_case_punctuation_and_unicode(text, expected):
    assert matching.tokens(text) == expected


@pytest.mark.parametrize(
    ("score", "identical", "expected"),
    [
        (100.0, False, Similarity.IDENTICAL),
        (99.9, True, Similarity.IDENTICAL),
        (99.9, False, Similarity.MINOR),
        (80.0, False, Similarity.MINOR),
        (79.99, False, Similarity.SUBSTANTIAL),
        (50.0, False, Similarity.SUBSTANTIAL),
        (49.99, False, Similarity.NEW),
        (0.0, False, Similarity.NEW),
    ],
)
def test_classify_thresholds(score, identical, expected):
    assert matching.classify(score, identical) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Urges Member States;", "urges member states", Similarity.IDENTICAL),
        (DECL_15_DRAFT, DECL_15_ADOPTED, Similarity.MINOR),
        (
            "Calls upon Member States to criminalize trafficking in persons in all its forms "
            "and to prosecute traffickers",
            "Calls upon all States to criminalize trafficking in persons and to protect and "
            "assist its victims",
            Similarity.SUBSTANTIAL,
        ),
        (
            "Decides to remain seized of the matter.",
            "Welcomes the report of the Secretary-General on the Global Plan of Action",
            Similarity.NEW,
        ),
    ],
)
def test_similarity_is_word_level(a, b, expected):
    score = matching.similarity(a, b)
    assert matching.classify(score, matching.tokens(a) == matching.tokens(b)) == expected


def _render(segments):
    marks = {"equal": "{}", "insert": "[+{}]", "delete": "[-{}]"}
    return "".join(marks[s.op].format(s.text) for s in segments)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("same words here", "same words here", "same words here"),
        ("the old word", "the new word", "the [-old] [+new] word"),
        ("a b c", "a c", "a [-b] c"),
        ("a c", "a b c", "a [+b] c"),
        ("x y z", "x y", "x y [-z]"),
        ("Urges States", "Urges all States", "Urges [+all] States"),
        (
            "the International Police Organization, the",
            "the International Criminal Police Organization (INTERPOL), the",
            "the International [+Criminal] Police Organization [+(INTERPOL)], the",
        ),
        ("Calls upon States;", "calls upon States;", "[-Calls] [+calls] upon States;"),
    ],
)
def test_word_diff(old, new, expected):
    assert _render(matching.word_diff(old, new)) == expected


def test_word_diff_keeps_markup_as_plain_text():
    segments = matching.word_diff("We urge States;", "We urge <script>alert(1)</script> States;")
    inserted = "".join(s.text for s in segments if s.op == "insert")
    assert "<script>" in inserted  # raw text: escaping is the template's job
    assert all(isinstance(s, Segment) for s in segments)


def test_diff_counts_words():
    assert matching.diff_counts(matching.word_diff(DECL_15_DRAFT, DECL_15_ADOPTED)) == (2, 0)


A = ["alpha beta gamma delta epsilon", "one two three four five", "foo bar baz qux quux"]


@pytest.mark.parametrize(
    ("a", "b", "statuses"),
    [
        (A, A, ["matched", "matched", "matched"]),
        (
            A,
            [A[0], "one two three four five six", A[2]],
            ["matched", "changed", "matched"],
        ),
        (A, [A[0], A[2]], ["matched", "removed", "matched"]),
        (
            A,
            [A[0], A[1], "brand new words entirely here", A[2]],
            ["matched", "matched", "added", "matched"],
        ),
        (A, [A[1], A[2], A[0]], ["matched", "matched", "moved"]),
        ([], ["only here now"], ["added"]),
        (["only there now"], [], ["removed"]),
    ],
)
def test_align_statuses_in_reading_order(a, b, statuses):
    rows = matching.align(a, b)
    assert [r.status.value for r in rows] == statuses
    counts = matching.row_counts(rows)
    assert sum(counts.values()) == len(rows)


def test_align_pairs_each_paragraph_once_and_places_removed_after_predecessor():
    a = ["first paragraph text here", "dropped paragraph text entirely", "last one in a"]
    b = ["first paragraph text here", "last one in a"]
    rows = matching.align(a, b)
    assert [(r.status, r.a, r.b) for r in rows] == [
        (RowStatus.MATCHED, 0, 0),
        (RowStatus.REMOVED, 1, None),
        (RowStatus.MATCHED, 2, 1),
    ]


def test_rank_candidates_ignores_boilerplate_but_keeps_twins():
    common = matching.shingles(matching.tokens("trafficking in persons"))
    rare = matching.shingles(matching.tokens("voluntary trust fund"))
    postings = {s: list(range(100, 200)) for s in common}
    postings.update({s: [7] for s in rare})
    ranked = matching.rank_candidates(common | rare, postings, max_df=50)
    assert ranked == [(7, len(rare))]
    # Only boilerplate: the rarest shingles still propose candidates.
    assert matching.rank_candidates(common, postings, max_df=50)


def test_link_corpus_links_best_counterpart_per_other_document():
    passages = [
        matching.Passage(1, 10, DECL_15_DRAFT),
        matching.Passage(2, 20, DECL_15_ADOPTED),
        matching.Passage(3, 20, "Decides to remain seized of the matter."),
        matching.Passage(4, 30, DECL_15_ADOPTED),
        matching.Passage(5, 10, "ok"),  # too short to link
    ]
    links = {(link.source, link.target): link for link in matching.link_corpus(passages)}
    assert set(links) == {(1, 2), (1, 4), (2, 1), (2, 4), (4, 1), (4, 2)}
    assert links[(2, 4)].similarity == Similarity.IDENTICAL
    assert links[(1, 2)].similarity == Similarity.MINOR


@pytest.mark.parametrize(
    ("query", "key", "within", "similarity"),
    [
        ("International Criminal Police Organization (INTERPOL)", 2, True, Similarity.IDENTICAL),
        ("the International Police Organization", 1, True, Similarity.IDENTICAL),
        ("the International Criminal Police Organization", 2, True, Similarity.IDENTICAL),
    ],
)
def test_match_query_finds_a_sentence_inside_a_paragraph(query, key, within, similarity):
    found = matching.match_query(query, {1: DECL_15_DRAFT, 2: DECL_15_ADOPTED})
    assert found[0].key == key
    assert found[0].within is within
    assert found[0].similarity == similarity
    assert matching.tokens(query) == matching.tokens(found[0].excerpt)


# A/RES/72/195, para. 12: 40 words.
PARA_12 = (
    "Requests the Inter-Agency Coordination Group to work closely with the Committee of the "
    "Chief Statisticians of the United Nations System to compile and develop sets of "
    "indicators on trafficking relevant to different and specific contexts and agreed "
    "methods for data collection;"
)


def _edit(text, *pairs):
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize(
    ("query", "within", "excerpt", "first", "last"),
    [
        # The whole paragraph with three edits that shorten it: compared with all of it.
        (
            _edit(
                PARA_12,
                ("work closely", "cooperate closely"),
                ("compile and develop", "develop"),
                ("different and specific", "specific"),
            ),
            False,
            PARA_12,
            ("equal", "Requests the Inter-Agency Coordination Group to "),
            ("equal", " specific contexts and agreed methods for data collection;"),
        ),
        # A new lead verb: the adopted one shows as deleted, at the start.
        (
            _edit(PARA_12, ("Requests", "Invites")),
            False,
            PARA_12,
            ("delete", "Requests"),
            (
                "equal",
                "the Inter-Agency Coordination Group to work closely with the Committee "
                "of the Chief Statisticians of the United Nations System to compile and develop "
                "sets of indicators on trafficking relevant to different and specific contexts "
                "and agreed methods for data collection;",
            ),
        ),
        # The last words left out: they show as deleted, at the end.
        (
            _edit(PARA_12, (" for data collection;", "")),
            False,
            PARA_12,
            (
                "equal",
                "Requests the Inter-Agency Coordination Group to work closely with the "
                "Committee of the Chief Statisticians of the United Nations System to compile and "
                "develop sets of indicators on trafficking relevant to different and specific "
                "contexts and agreed methods ",
            ),
            ("delete", "for data collection;"),
        ),
        # The first two words left out.
        (
            _edit(PARA_12, ("Requests the ", "")),
            False,
            PARA_12,
            ("delete", "Requests the"),
            ("equal", " agreed methods for data collection;"),
        ),
        # Words added at the end: the whole paragraph, the additions inserted.
        (
            PARA_12 + " and to report thereon",
            False,
            PARA_12,
            ("equal", "Requests the Inter-Agency Coordination Group to "),
            ("insert", "and to report thereon"),
        ),
        # Half the paragraph, edited: really part of a longer paragraph.
        (
            "Requests the Inter-Agency Coordination Group to work together with the Committee of "
            "the Chief Statisticians of the United Nations System",
            True,
            "Requests the Inter-Agency Coordination Group to work closely with the Committee of "
            "the Chief Statisticians of the United Nations System",
            ("equal", "Requests the Inter-Agency Coordination Group to work "),
            (
                "equal",
                " with the Committee of the Chief Statisticians of the United Nations System",
            ),
        ),
        # A stretch in the middle, with one edit at each end of it.
        (
            "a Committee of the Chief Statisticians of the United Nations System to compile and "
            "develop sets of measures",
            True,
            "the Committee of the Chief Statisticians of the United Nations System to compile "
            "and develop sets of indicators",
            ("delete", "the"),
            ("insert", "measures"),
        ),
        # Nearly all of it, but for the last five words: compared with all of it.
        (
            _edit(PARA_12, (" and agreed methods for data collection;", "")),
            False,
            PARA_12,
            ("equal", "Requests the "),
            ("delete", "and agreed methods for data collection;"),
        ),
    ],
)
def test_match_query_compares_the_right_stretch_at_both_ends(query, within, excerpt, first, last):
    [found] = matching.match_query(query, {1: PARA_12})
    assert found.within is within
    assert found.excerpt == excerpt
    diff = matching.word_diff(found.excerpt, query)
    assert _run_is(diff[0], first, at_start=True), diff[0]
    assert _run_is(diff[-1], last, at_start=False), diff[-1]


def _run_is(segment, expected, *, at_start):
    """A changed run must match exactly; an unchanged one must begin (end) as expected."""
    op, text = expected
    if op != "equal":
        return (segment.op, segment.text) == expected
    found = segment.text.startswith(text) if at_start else segment.text.endswith(text)
    return segment.op == "equal" and found


def test_match_query_drops_unrelated_paragraphs():
    found = matching.match_query("unrelated words about fisheries", {1: DECL_15_DRAFT})
    assert found == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "72/195. Improving the coordination of efforts against trafficking in persons",
            "improving the coordination of efforts against trafficking in persons",
        ),
        (
            "Improving the Coordination of Efforts against Trafficking in Persons ",
            "improving the coordination of efforts against trafficking in persons",
        ),
        ("2017/18: Implementation of the Plan", "implementation of the plan"),
    ],
)
def test_series_title_key(title, expected):
    assert series_title_key(title) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("General Assembly", "general assembly"),
        ("General Assembly, Third Committee", "general assembly"),
        ("Economic and Social Council", "economic and social council"),
    ],
)
def test_series_body_key(body, expected):
    assert series_body_key(body) == expected


def test_group_series_by_title_and_body_and_curated_links():
    docs = [
        SeriesDocument(1, "68/192. Improving the coordination of efforts", "General Assembly"),
        SeriesDocument(2, "70/179. Improving the coordination of efforts", "General Assembly"),
        SeriesDocument(3, "Improving the coordination of efforts", "Economic and Social Council"),
        SeriesDocument(4, "Trafficking in women and girls", "General Assembly"),
        SeriesDocument(5, "Trafficking in women and girls: follow-up", "General Assembly"),
        SeriesDocument(6, "A one-off resolution", "General Assembly"),
    ]
    assert group_series(docs) == [[1, 2]]
    assert group_series(docs, links=[(4, 5)]) == [[1, 2], [4, 5]]
