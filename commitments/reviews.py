"""Curators' reviews shipped as data: `fixtures/commitments/reviewed.json`.

Each entry holds one paragraph's reviewed commitments and mentions, keyed by document
slug, anchor and a hash of the paragraph's text. Applying the file records the decisions
as a curator's (status confirmed or rejected, or a curator's row where the tagger found
nothing), in the history without a user, and a `ParagraphReview` per paragraph.

- An entry whose hash no longer matches the paragraph's text is stale: reported, not applied.
- A row a curator already decided differently (in the admin) is left alone and reported.
- Suggestions the review does not list are rejected: the reviewer read the whole paragraph.
- Idempotent: a second run changes nothing. Re-tagging never overrides the decisions,
  because decided rows are protected (see services._sync_commitments).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.db import transaction

from documents.models import Paragraph

from .evaluation import text_hash
from .models import Actor, Commitment, CommitmentType, Mention, ParagraphReview
from .services import FIXTURES, _enqueue
from .vocabulary import Origin, Status, Strength

REVIEWED = FIXTURES / "reviewed.json"
SOURCE = "reviewed.json"
CHANGE_REASON = "Curator review (fixtures/commitments/reviewed.json)"


@dataclass
class ReviewReport:
    paragraphs: int = 0  # entries applied (hash matched)
    confirmed: int = 0  # a suggestion confirmed as it was
    edited: int = 0  # a suggestion confirmed with a curator's changes
    added: int = 0  # a commitment the tagger missed
    rejected: int = 0  # a suggestion the review rejects (listed or not listed)
    mentions_confirmed: int = 0
    mentions_added: int = 0
    mentions_rejected: int = 0
    unchanged: int = 0  # rows already as the review says
    kept: list[str] = field(default_factory=list)  # curator decisions that differ, left alone
    stale: list[str] = field(default_factory=list)  # text changed since the review
    missing: list[str] = field(default_factory=list)  # no such paragraph
    problems: list[str] = field(default_factory=list)  # unknown actors or types
    changed_paragraph_ids: set[int] = field(default_factory=set)

    def __str__(self) -> str:
        return (
            f"{self.paragraphs} paragraphs reviewed: commitments {self.confirmed} confirmed, "
            f"{self.edited} edited, {self.added} added, {self.rejected} rejected, "
            f"{self.unchanged} already decided; mentions {self.mentions_confirmed} confirmed, "
            f"{self.mentions_added} added, {self.mentions_rejected} rejected; "
            f"{len(self.kept)} curator decisions kept, {len(self.stale)} stale, "
            f"{len(self.missing)} missing"
        )


def reviews_read(path: Path = REVIEWED) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data["paragraphs"]


def clause_span(text: str, clause: str) -> tuple[int, int] | None:
    """Where the reviewed clause is in the paragraph, whitespace differences allowed."""
    words = clause.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def reviews_apply(*, entries: list[dict] | None = None, user=None) -> ReviewReport:
    """Apply reviewed entries (default: the shipped file) to the paragraphs they name."""
    entries = reviews_read() if entries is None else entries
    report = ReviewReport()
    keys = {(e["document"], e["anchor"]) for e in entries}
    paragraphs = {
        (p.document.slug, p.anchor): p
        for p in Paragraph.objects.filter(
            document__slug__in={d for d, _ in keys}, anchor__in={a for _, a in keys}
        ).select_related("document", "commitment_review")
    }
    actors = dict(Actor.objects.values_list("slug", "pk"))
    types = {t.slug: t for t in CommitmentType.objects.all()}
    found = [paragraphs[k] for k in keys if k in paragraphs]
    commitments = defaultdict(list)
    for c in Commitment.objects.filter(paragraph__in=found).prefetch_related("types"):
        commitments[c.paragraph_id].append(c)
    mentions = defaultdict(dict)
    for m in Mention.objects.filter(paragraph__in=found):
        mentions[m.paragraph_id][m.actor_id] = m
    with transaction.atomic():
        for entry in entries:
            where = f"{entry['document']}#{entry['anchor']}"
            p = paragraphs.get((entry["document"], entry["anchor"]))
            if p is None:
                report.missing.append(where)
                continue
            if text_hash(p.text) != entry["text_sha1"]:
                report.stale.append(where)
                continue
            report.paragraphs += 1
            ctx = _Context(p, where, actors, types, user, report)
            keep = entry.get("keep_unlisted", False)
            _apply_commitments(ctx, entry["commitments"], commitments[p.pk], keep_unlisted=keep)
            _apply_mentions(ctx, entry["mentions"], mentions[p.pk], keep_unlisted=keep)
            _record_review(ctx, entry)
        _enqueue(report.changed_paragraph_ids)
    return report


@dataclass
class _Context:
    paragraph: Paragraph
    where: str
    actors: dict[str, int]
    types: dict[str, CommitmentType]
    user: object
    report: ReviewReport

    def save(self, obj) -> None:
        obj._change_reason = CHANGE_REASON
        if self.user is not None:
            obj._history_user = self.user
        obj.save()
        self.report.changed_paragraph_ids.add(self.paragraph.pk)


def _apply_commitments(
    ctx: _Context, reviewed: list[dict], rows: list[Commitment], *, keep_unlisted: bool = False
) -> None:
    p, report = ctx.paragraph, ctx.report
    free = list(rows)
    for item in reviewed:
        actor_id = ctx.actors.get(item["actor"])
        unknown = [t for t in item["types"] if t not in ctx.types]
        if actor_id is None or unknown or item["strength"] not in Strength.values:
            report.problems.append(
                f"{ctx.where}: unknown actor, strength or types in {item['actor']} {item['verb']}"
            )
            continue
        span = clause_span(p.text, item["clause"]) or (0, len(p.text))
        row = _closest(free, actor_id, item["verb"], span[0])
        if row is not None:
            free.remove(row)
        if item["status"] == Status.REJECTED:
            if row is None or row.status == Status.REJECTED:
                report.unchanged += row is not None
            elif row.is_protected:
                report.kept.append(f"{ctx.where}: {item['actor']} {item['verb']}")
            else:
                row.status = Status.REJECTED
                ctx.save(row)
                report.rejected += 1
            continue
        wanted = {
            "strength": item["strength"],
            "clause_start": span[0],
            "clause_end": span[1],
            "clause": p.text[span[0] : span[1]],
            "deadline": item.get("deadline", "")[:120],
        }
        wanted_types = {ctx.types[t].pk for t in item["types"]}
        if row is None:
            row = Commitment(
                paragraph=p,
                actor_id=actor_id,
                verb=item["verb"],
                origin=Origin.CURATOR,
                status=Status.CONFIRMED,
                **wanted,
            )
            ctx.save(row)
            row.types.set(wanted_types)
            report.added += 1
            continue
        current_types = {t.pk for t in row.types.all()}
        differs = any(getattr(row, k) != v for k, v in wanted.items()) or (
            current_types != wanted_types
        )
        if row.is_protected:
            if differs or row.status != Status.CONFIRMED:
                report.kept.append(f"{ctx.where}: {item['actor']} {item['verb']}")
            else:
                report.unchanged += 1
            continue
        for k, v in wanted.items():
            setattr(row, k, v)
        row.status = Status.CONFIRMED
        row.is_edited = differs
        ctx.save(row)
        if current_types != wanted_types:
            row.types.set(wanted_types)
        if differs:
            report.edited += 1
        else:
            report.confirmed += 1
    # Whatever the tagger suggested beyond the review, the reviewer did not keep.
    for row in [] if keep_unlisted else free:
        if not row.is_protected:
            row.status = Status.REJECTED
            ctx.save(row)
            report.rejected += 1


def _closest(rows: list[Commitment], actor_id: int, verb: str, start: int) -> Commitment | None:
    same = [r for r in rows if r.actor_id == actor_id and r.verb == verb]
    return min(same, key=lambda r: abs(r.clause_start - start), default=None)


def _apply_mentions(
    ctx: _Context, reviewed: list[dict], rows: dict[int, Mention], *, keep_unlisted: bool = False
) -> None:
    report = ctx.report
    listed = set()
    for item in reviewed:
        actor_id = ctx.actors.get(item["actor"])
        if actor_id is None:
            report.problems.append(f"{ctx.where}: unknown actor {item['actor']} (mention)")
            continue
        listed.add(actor_id)
        row = rows.get(actor_id)
        if row is None:
            if item["status"] == Status.CONFIRMED:
                ctx.save(
                    Mention(
                        paragraph=ctx.paragraph,
                        actor_id=actor_id,
                        origin=Origin.CURATOR,
                        status=Status.CONFIRMED,
                    )
                )
                report.mentions_added += 1
            continue
        if row.status == item["status"]:
            report.unchanged += 1
        elif row.is_protected:
            report.kept.append(f"{ctx.where}: mention of {item['actor']}")
        else:
            row.status = item["status"]
            ctx.save(row)
            if row.status == Status.CONFIRMED:
                report.mentions_confirmed += 1
            else:
                report.mentions_rejected += 1
    for actor_id, row in rows.items():
        if actor_id not in listed and not row.is_protected and not keep_unlisted:
            row.status = Status.REJECTED
            ctx.save(row)
            report.mentions_rejected += 1


def _record_review(ctx: _Context, entry: dict) -> None:
    has_commitments = any(c["status"] == Status.CONFIRMED for c in entry["commitments"])
    wanted = {
        "text_sha1": entry["text_sha1"],
        "has_commitments": has_commitments,
        "note": entry.get("note", ""),
    }
    review = getattr(ctx.paragraph, "commitment_review", None)
    if review is None:
        review = ParagraphReview(
            paragraph=ctx.paragraph,
            source=entry.get("source", SOURCE),
            reviewer_id=entry.get("reviewer_id", ctx.user.pk if ctx.user else None),
        )
    elif review.source != SOURCE and review.text_sha1 == entry["text_sha1"]:
        return  # reviewed again in the admin since: the curator's record stands
    elif all(getattr(review, k) == v for k, v in wanted.items()):
        return
    for k, v in wanted.items():
        setattr(review, k, v)
    ctx.save(review)


# Restoring reviews on import ------------------------------------------------------
#
# A re-import that drops a paragraph deletes it with its commitments, mentions and review;
# a later import that brings the same text back creates a new paragraph, which the tagger
# fills with suggestions. The curator's decisions come back from the review data with the
# same document, anchor and text hash: the shipped file, else the history of the deleted
# paragraph's `ParagraphReview` (its commitments and mentions as they were when deleted).


def reviews_restore(paragraph_ids: list[int]) -> ReviewReport | None:
    """Re-apply the curator review of each new paragraph whose text one was made for."""
    paragraphs = list(
        Paragraph.objects.filter(pk__in=paragraph_ids, commitment_review__isnull=True)
        .select_related("document")
        .order_by("pk")
    )
    if not paragraphs:
        return None
    wanted = {(p.document.slug, p.anchor, text_hash(p.text)): p for p in paragraphs}
    entries = [
        e for e in _shipped_entries() if (e["document"], e["anchor"], e["text_sha1"]) in wanted
    ]
    shipped = {(e["document"], e["anchor"]) for e in entries}
    for (slug, anchor, digest), p in wanted.items():
        if (slug, anchor) not in shipped:
            entry = _entry_from_history(p, digest)
            if entry is not None:
                entries.append(entry)
    if not entries:
        return None
    return reviews_apply(entries=entries)


def _shipped_entries() -> list[dict]:
    try:
        return reviews_read()
    except (OSError, ValueError, KeyError):
        return []


def _entry_from_history(paragraph: Paragraph, digest: str) -> dict | None:
    """The last review of a deleted paragraph with this document, anchor and text, as an
    entry of the reviewed data (None if there is none)."""
    old_ids = set(
        Paragraph.history.filter(document_id=paragraph.document_id, anchor=paragraph.anchor)
        .exclude(id=paragraph.pk)
        .values_list("id", flat=True)
    )
    if not old_ids:
        return None
    last = (
        ParagraphReview.history.filter(paragraph_id__in=old_ids)
        .order_by("-history_date", "-history_id")
        .first()
    )
    if last is None or last.text_sha1 != digest:
        return None
    old_id = last.paragraph_id
    commitments = _last_states(Commitment.history.filter(paragraph_id=old_id))
    mentions = _last_states(Mention.history.filter(paragraph_id=old_id))
    types = _types_of(commitments)
    actors = dict(Actor.objects.values_list("pk", "slug"))
    decided = (Status.CONFIRMED, Status.REJECTED)
    return {
        "document": paragraph.document.slug,
        "anchor": paragraph.anchor,
        "text_sha1": digest,
        "note": last.note,
        "source": last.source,
        "reviewer_id": last.reviewer_id,
        "keep_unlisted": True,  # only the decided rows are listed
        "commitments": [
            {
                "actor": actors.get(c.actor_id, ""),
                "verb": c.verb,
                "strength": c.strength,
                "clause": c.clause,
                "types": types.get(c.id, []),
                "deadline": c.deadline,
                "status": c.status,
            }
            for c in commitments
            if c.status in decided
        ],
        "mentions": [
            {"actor": actors.get(m.actor_id, ""), "status": m.status}
            for m in mentions
            if m.status in decided
        ],
    }


def _last_states(history) -> list:
    """Each object's last historical record (a deletion record holds its last state)."""
    last = {}
    for record in history.order_by("history_date", "history_id"):
        last[record.id] = record
    return list(last.values())


def _types_of(records) -> dict[int, list[str]]:
    """Types of each commitment in its last record that saved them (a deletion record's
    snapshot is taken after the many-to-many rows are gone)."""
    ids = [r.id for r in records]
    saved = {}
    for record in (
        Commitment.history.filter(id__in=ids)
        .exclude(history_type="-")
        .order_by("history_date", "history_id")
    ):
        saved[record.id] = record.history_id
    through = apps.get_model("commitments", "HistoricalCommitment_types")
    out: dict[int, list[str]] = {pk: [] for pk in ids}
    by_history = {h: pk for pk, h in saved.items()}
    for history_id, slug in through.objects.filter(history_id__in=list(by_history)).values_list(
        "history_id", "commitmenttype__slug"
    ):
        out[by_history[history_id]].append(slug)
    return out
