"""Concepts the texts express in other words: non-punishment is "not penalized"."""

import pytest

from search.concepts import concept_markers, expand_concepts
from search.highlight import highlight, query_terms


@pytest.mark.parametrize(
    "text, markers",
    [
        (
            "Take measures to ensure that identified victims are not penalized for having "
            "been trafficked",
            ["nonpunishment"],
        ),
        ("victims should not be punished for unlawful acts", ["nonpunishment"]),
        ("victims shall not be held criminally liable", ["nonpunishment"]),
        ("the principle of non-punishment of victims", ["nonpunishment"]),
        ("the non-criminalization of victims", ["nonpunishment"]),
        # Near misses: punishing traffickers is the opposite concept.
        ("to prosecute and penalize traffickers and intermediaries", []),
        ("investigate and punish perpetrators of trafficking in persons", []),
        ("not only penalized but", []),
        ("", []),
    ],
)
def test_concept_markers(text, markers):
    assert concept_markers(text) == markers


@pytest.mark.parametrize(
    "query, expanded",
    [
        ("non-punishment of victims", "(non-punishment OR nonpunishment) of victims"),
        ('"non-punishment"', '("non-punishment" OR nonpunishment)'),
        ("Non-Penalization", "(Non-Penalization OR nonpunishment)"),
        ("NOT non-punishment", "NOT (non-punishment OR nonpunishment)"),
        ("punishment of traffickers", "punishment of traffickers"),
        ("symbol:A/RES/72/195", "symbol:A/RES/72/195"),
        ("", ""),
    ],
)
def test_expand_concepts(query, expanded):
    assert expand_concepts(query) == expanded


def test_highlight_marks_the_words_that_express_the_concept():
    text = "Ensure that identified victims are not penalized for having been trafficked;"
    html = str(highlight(text, query_terms(expand_concepts("non-punishment of victims"))))
    assert "<mark>victims</mark>" in html
    assert "<mark>not penalized</mark>" in html
