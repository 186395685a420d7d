import json
from pathlib import Path

import pytest

from commitments.evaluation import Score, catalogue_from_fixtures, evaluate, text_hash

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "commitments"


@pytest.fixture(scope="module")
def gold():
    return json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))


def test_gold_set_covers_the_corpus(gold):
    paragraphs = gold["paragraphs"]
    assert len(paragraphs) >= 150
    assert len({p["document"] for p in paragraphs}) == 8
    keys = [(p["document"], p["anchor"]) for p in paragraphs]
    assert len(keys) == len(set(keys))
    assert all(p["text_sha1"] == text_hash(p["text"]) for p in paragraphs)


def test_the_tagger_meets_its_targets_on_the_gold_set(gold):
    result = evaluate(gold, catalogue_from_fixtures(FIXTURES))
    scores = result.scores
    assert scores["addressees"].precision >= 0.95
    assert scores["addressees"].recall >= 0.90
    assert scores["types"].precision >= 0.85


@pytest.mark.parametrize(
    "predicted, expected, precision, recall",
    [({"a", "b"}, {"a"}, 0.5, 1.0), ({"a"}, {"a", "b"}, 1.0, 0.5), (set(), set(), 1.0, 1.0)],
)
def test_score(predicted, expected, precision, recall):
    s = Score()
    s.add(predicted, expected)
    assert (s.precision, s.recall) == (precision, recall)
