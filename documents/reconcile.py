"""Plan how a re-import maps onto stored paragraphs. Pure: no ORM, no I/O.

The plan is what keeps permalinks and identities: the importer applies it, and the admin
preview shows it to the curator before anything is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Stored(Protocol):
    pk: int
    anchor: str
    text: str


class Incoming(Protocol):
    anchor: str
    text: str


@dataclass
class ParagraphPlan:
    matched: dict[int, Stored] = field(default_factory=dict)  # incoming index -> stored
    removed: list[Stored] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # anchors
    changed: list[str] = field(default_factory=list)  # anchors edited in place
    moved: list[tuple[str, str]] = field(default_factory=list)  # (old anchor, new anchor)
    unchanged: int = 0

    @property
    def removed_anchors(self) -> list[str]:
        return [p.anchor for p in self.removed]


def plan_paragraphs(stored: list[Stored], incoming: list[Incoming]) -> ParagraphPlan:
    """Match incoming paragraphs to stored ones.

    In order: same anchor and text (unchanged); same text elsewhere (moved: the old
    anchor will redirect); same anchor, new text (edited in place, same identity). The
    rest are new, and stored paragraphs left over are removed (their anchors answer 410).
    """
    by_anchor = {p.anchor: p for p in stored}
    by_text: dict[str, list[Stored]] = {}
    for p in stored:
        by_text.setdefault(p.text, []).append(p)
    plan = ParagraphPlan()
    taken: set[int] = set()

    def take(i: int, p: Stored) -> None:
        plan.matched[i] = p
        taken.add(p.pk)

    for i, new in enumerate(incoming):
        p = by_anchor.get(new.anchor)
        if p and p.text == new.text:
            take(i, p)
    for i, new in enumerate(incoming):
        if i not in plan.matched:
            p = next((p for p in by_text.get(new.text, []) if p.pk not in taken), None)
            if p:
                take(i, p)
    for i, new in enumerate(incoming):
        if i not in plan.matched:
            p = by_anchor.get(new.anchor)
            if p and p.pk not in taken:
                take(i, p)

    for i, new in enumerate(incoming):
        p = plan.matched.get(i)
        if p is None:
            plan.added.append(new.anchor)
        elif p.anchor != new.anchor:
            plan.moved.append((p.anchor, new.anchor))
        elif p.text != new.text:
            plan.changed.append(new.anchor)
        else:
            plan.unchanged += 1
    plan.removed = [p for p in stored if p.pk not in taken]
    return plan
