"""One analyzer for index and query: word forms and US/UK spellings meet (search.analysis)."""

import pytest

from search.analysis import fold, stemming_analyzer

analyzer = stemming_analyzer()


def terms(text):
    return [t.text for t in analyzer(text)]


@pytest.mark.parametrize(
    "words",
    [
        ("penalize", "penalized", "penalizes", "penalizing", "penalise", "penalised"),
        ("penalization", "penalisation"),
        ("labor", "labour"),
        ("laborers", "labourers"),
        ("organize", "organise", "organized", "organised", "organising"),
        ("organization", "organisation", "organizations", "organisations"),
        ("criminalized", "criminalised"),
        ("decriminalization", "decriminalisation"),
        ("recognize", "recognise", "recognised"),
        ("prioritize", "prioritise"),
        ("program", "programme", "programmes"),
        ("victim", "victims"),
        ("traffick", "trafficking", "trafficked", "traffickers"),
    ],
)
def test_forms_and_spellings_share_one_term(words):
    assert len({tuple(terms(w)) for w in words}) == 1, {w: terms(w) for w in words}


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("labour", "labor"),
        ("organised", "organized"),
        ("penalising", "penalizing"),
        ("mobilisation", "mobilization"),
        ("civilisations", "civilizations"),
        # -ise words that are not -ize variants stay as they are
        ("promise", "promise"),
        ("exercise", "exercise"),
        ("expertise", "expertise"),
        ("emphasis", "emphasis"),
        ("otherwise", "otherwise"),
        ("advised", "advised"),
        ("enterprises", "enterprises"),
    ],
)
def test_fold(word, folded):
    assert fold(word) == folded


def test_spelling_words_keep_the_typed_form():
    # With morphology off (Whoosh's spelling dictionary), neither stem nor fold applies.
    assert [t.text for t in analyzer("Labour organised", no_morph=True)] == [
        "labour",
        "organised",
    ]
