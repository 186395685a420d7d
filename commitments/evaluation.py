"""Precision and recall of the tagger against the hand-labelled gold set.

The gold set (fixtures/commitments/gold.json) holds paragraphs with their text, keyed by
document slug, anchor and a hash of the text, so it survives re-imports and does not need
the database: evaluation runs the pure tagger over the stored text. Scoring is per
paragraph, micro-averaged over sets: actors (any role), addressees (actors of
commitments), verbs, and commitment types.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .tagging import ActorName, Catalogue, Extraction, Rule, extract

ASPECTS = ("actors", "addressees", "verbs", "types")


def text_hash(text: str) -> str:
    """Stable across whitespace differences: the key the gold set stores."""
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


def catalogue_from_fixtures(directory: Path) -> Catalogue:
    """The shipped catalogue, read from the fixture files (no database)."""
    actors = json.loads((directory / "actors.json").read_text(encoding="utf-8"))
    types = json.loads((directory / "types.json").read_text(encoding="utf-8"))
    names = [ActorName(a["slug"], t) for a in actors["actors"] for t in a["aliases"]]
    names += [ActorName(a["slug"], t, True) for a in actors["actors"] for t in a["back_references"]]
    rules = [Rule(t["slug"], r["text"], r["kind"]) for t in types["types"] for r in t["rules"]]
    return Catalogue(names=names, rules=rules)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: set, gold: set) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)


@dataclass
class Evaluation:
    scores: dict[str, Score] = field(default_factory=lambda: {a: Score() for a in ASPECTS})
    errors: list[str] = field(default_factory=list)
    paragraphs: int = 0
    documents: set[str] = field(default_factory=set)


def label_sets(commitments: Iterable[dict], mentions: Iterable[str]) -> dict[str, set]:
    commitments = list(commitments)
    addressees = {c["actor"] for c in commitments}
    return {
        "actors": addressees | set(mentions),
        "addressees": addressees,
        "verbs": {c["verb"] for c in commitments},
        "types": {t for c in commitments for t in c.get("types", [])},
    }


def extraction_sets(extraction: Extraction) -> dict[str, set]:
    return label_sets(
        [{"actor": c.actor, "verb": c.verb, "types": c.types} for c in extraction.commitments],
        [m.slug for m in extraction.mentions],
    )


def evaluate(gold: dict, catalogue: Catalogue) -> Evaluation:
    """Run the tagger over every gold paragraph, in document order, and score it.

    Each document's paragraphs are read in the stored order so that back-references and
    sub-paragraphs get the same context as in a real import.
    """
    result = Evaluation()
    parents: dict[tuple[str, str], Extraction] = {}
    contexts: dict[str, list[str]] = {}
    for item in gold["paragraphs"]:
        doc = item["document"]
        context = contexts.setdefault(doc, [])
        parent = parents.get((doc, item.get("parent", "")))
        extraction = extract(
            item["text"],
            catalogue,
            speaker=gold["speakers"].get(doc),
            context=context,
            inherit=parent.open_ended if parent else (),
            operative=item.get("operative", True),
        )
        parents[(doc, item["anchor"])] = extraction
        context.extend(a.slug for a in extraction.actors)
        predicted = extraction_sets(extraction)
        expected = label_sets(item["commitments"], item["mentions"])
        result.paragraphs += 1
        result.documents.add(doc)
        for aspect in ASPECTS:
            result.scores[aspect].add(predicted[aspect], expected[aspect])
            missing = expected[aspect] - predicted[aspect]
            extra = predicted[aspect] - expected[aspect]
            if missing or extra:
                result.errors.append(
                    f"{doc}#{item['anchor']} {aspect}: missing {sorted(missing)} "
                    f"extra {sorted(extra)}"
                )
    return result
