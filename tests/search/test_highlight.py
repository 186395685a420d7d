"""Snippets show where the rarest query words are, escaped first and marked second."""

import re

import pytest

from search.highlight import highlight, query_terms

FILLER = "and survivors call for full respect of their human rights " * 6
LONG = (
    "We express solidarity with victims "
    + FILLER
    + "and ensure that identified victims are not penalized for having been trafficked; "
    + FILLER
)
WEIGHTS = {"victim": 1.2, "penal": 4.5}


def marked(html):
    return re.findall(r"<mark>(.*?)</mark>", str(html))


@pytest.mark.parametrize(
    ("query", "text", "weights", "expected"),
    [
        # the rare word, with the common one next to it, not the paragraph's start
        ("victims are not penalized", LONG, WEIGHTS, ["victims", "penalized"]),
        # the only match far from the start
        ("trafficked", LONG, WEIGHTS, ["trafficked"]),
        # no weights: the stretch with the most distinct terms
        ("victims penalized", LONG, None, ["victims", "penalized"]),
        # a concept's wording counts as its marker
        (
            "nonpunishment victims",
            LONG,
            {"nonpunish": 6.0, "victim": 1.2},
            ["victims", "not penalized"],
        ),
    ],
)
def test_snippet_is_centred_on_the_rarest_matches(query, text, weights, expected):
    html = highlight(text, query_terms(query), length=200, weights=weights)
    assert marked(html)[-len(expected) :] == expected
    assert len(re.sub(r"<[^>]+>", "", str(html))) <= 202


def test_cut_snippet_still_escapes_hostile_text():
    text = "<svg/onload=alert(1)> " * 20 + "victims are not penalized <b>x</b>" + " filler" * 40
    html = str(highlight(text, query_terms("victims penalized"), length=120))
    assert "<svg" not in html and "<b>" not in html
    assert "&lt;b&gt;" in html and "<mark>penalized</mark>" in html


def test_short_text_is_shown_whole():
    html = str(highlight("Victims & <i>penalized</i>", query_terms("penalized"), length=360))
    assert html == "Victims &amp; &lt;i&gt;<mark>penalized</mark>&lt;/i&gt;"
