"""The re-import plan: which stored paragraph each incoming one keeps the identity of."""

from dataclasses import dataclass

import pytest

from documents.reconcile import plan_paragraphs


@dataclass
class P:
    anchor: str
    text: str
    pk: int = 0


def stored(*pairs):
    return [P(anchor, text, pk) for pk, (anchor, text) in enumerate(pairs, start=1)]


def incoming(*pairs):
    return [P(anchor, text) for anchor, text in pairs]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            [("op-1", "A"), ("op-2", "B")],
            [("op-1", "A"), ("op-2", "B")],
            {"unchanged": 2, "matched": {0: 1, 1: 2}},
            id="same text, same anchors",
        ),
        pytest.param(
            [("op-1", "A"), ("op-2", "B")],
            [("op-1", "NEW"), ("op-2", "A"), ("op-3", "B")],
            {
                "added": ["op-1"],
                "moved": [("op-1", "op-2"), ("op-2", "op-3")],
                "matched": {1: 1, 2: 2},
            },
            id="insertion renumbers: identities follow the text",
        ),
        pytest.param(
            [("op-1", "A"), ("op-2", "B")],
            [("op-1", "A"), ("op-2", "B edited")],
            {"changed": ["op-2"], "unchanged": 1, "matched": {0: 1, 1: 2}},
            id="edit in place keeps the identity",
        ),
        pytest.param(
            [("op-1", "A"), ("op-2", "B"), ("op-3", "C")],
            [("op-1", "A"), ("op-2", "C")],
            {
                "moved": [("op-3", "op-2")],
                "removed": ["op-2"],
                "unchanged": 1,
                "matched": {0: 1, 1: 3},
            },
            id="deletion: the removed paragraph is gone, the next one moves up",
        ),
        pytest.param(
            [("op-1", "Same"), ("op-2", "Same")],
            [("op-1", "Same"), ("op-2", "Same")],
            {"unchanged": 2, "matched": {0: 1, 1: 2}},
            id="repeated text is matched by anchor first",
        ),
        pytest.param(
            [],
            [("pp-1", "A")],
            {"added": ["pp-1"]},
            id="new document",
        ),
    ],
)
def test_plan(old, new, expected):
    plan = plan_paragraphs(stored(*old), incoming(*new))
    assert {i: p.pk for i, p in plan.matched.items()} == expected.get("matched", {})
    assert plan.added == expected.get("added", [])
    assert plan.changed == expected.get("changed", [])
    assert plan.moved == expected.get("moved", [])
    assert plan.removed_anchors == expected.get("removed", [])
    assert plan.unchanged == expected.get("unchanged", 0)
