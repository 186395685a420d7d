"""Writes: loading the reference data, tagging documents, and curators' review actions.

Re-tagging never overwrites a curator's work: a commitment or mention that a curator
confirmed, rejected, edited or added is left as it is, and a rule suggestion that would
duplicate it (same actor and verb in the same paragraph) is not made again.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from documents.models import Document, Paragraph
from documents.vocabulary import Kind, Part

from . import selectors
from .models import (
    Actor,
    ActorAlias,
    ActorRelation,
    Commitment,
    CommitmentType,
    Mention,
    SdgTarget,
    TypeRule,
)
from .tagging import Catalogue, Extraction, Suggestion, extract
from .vocabulary import Origin, Status

logger = logging.getLogger(__name__)

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "commitments"


# Reference data ------------------------------------------------------


@dataclass
class TaxonomyResult:
    actors: int = 0
    aliases: int = 0
    types: int = 0
    rules: int = 0

    def __str__(self) -> str:
        return (
            f"{self.actors} actors, {self.aliases} aliases, {self.types} commitment types, "
            f"{self.rules} rules"
        )


def taxonomy_load(*, directory: Path = FIXTURES) -> TaxonomyResult:
    """Create or update the shipped actors, aliases, relations, types, rules and SDG targets.

    Idempotent. Rows curators added (aliases, rules, actors, types) are kept; a shipped
    field a curator edited is set back to the shipped value only where the fixture has one.
    """
    actors_data = json.loads((directory / "actors.json").read_text(encoding="utf-8"))
    types_data = json.loads((directory / "types.json").read_text(encoding="utf-8"))
    result = TaxonomyResult()
    with transaction.atomic():
        by_slug = {a.slug: a for a in Actor.objects.all()}
        for row in actors_data["actors"]:
            fields = {k: row[k] for k in ("name", "short_name", "kind", "description", "website")}
            actor = by_slug.get(row["slug"])
            if actor is None:
                actor = Actor(slug=row["slug"], **fields)
                actor.full_clean()
                actor.save()
                by_slug[actor.slug] = actor
                result.actors += 1
            elif any(getattr(actor, k) != v for k, v in fields.items() if v):
                for k, v in fields.items():
                    if v:
                        setattr(actor, k, v)
                actor.save()
        existing = set(ActorAlias.objects.values_list("actor__slug", "text", "is_back_reference"))
        new_aliases = []
        for row in actors_data["actors"]:
            for text in row["aliases"]:
                if (row["slug"], text, False) not in existing:
                    new_aliases.append(ActorAlias(actor=by_slug[row["slug"]], text=text))
                    existing.add((row["slug"], text, False))
            for text in row["back_references"]:
                if (row["slug"], text, True) not in existing:
                    new_aliases.append(
                        ActorAlias(actor=by_slug[row["slug"]], text=text, is_back_reference=True)
                    )
                    existing.add((row["slug"], text, True))
        ActorAlias.objects.bulk_create(new_aliases, ignore_conflicts=True)
        result.aliases = len(new_aliases)
        for rel in actors_data["relations"]:
            ActorRelation.objects.get_or_create(
                source=by_slug[rel["source"]],
                relation=rel["relation"],
                target=by_slug[rel["target"]],
            )

        sdgs = {}
        for row in types_data["sdg_targets"]:
            sdgs[row["code"]], _ = SdgTarget.objects.update_or_create(
                code=row["code"], defaults={"title": row["title"]}
            )
        types = {t.slug: t for t in CommitmentType.objects.all()}
        for position, row in enumerate(types_data["types"]):
            fields = {
                "name": row["name"],
                "definition": row["definition"],
                "examples": row["examples"],
                "parent": types[row["parent"]] if row["parent"] else None,
                "position": position,
            }
            ctype = types.get(row["slug"])
            if ctype is None:
                ctype = CommitmentType.objects.create(slug=row["slug"], **fields)
                types[ctype.slug] = ctype
                result.types += 1
            elif any(getattr(ctype, k) != v for k, v in fields.items()):
                for k, v in fields.items():
                    setattr(ctype, k, v)
                ctype.save()
            ctype.sdg_targets.add(*[sdgs[c] for c in row["sdg_targets"]])
            for rule in row["rules"]:
                _, made = TypeRule.objects.get_or_create(
                    ctype=ctype, kind=rule["kind"], text=rule["text"]
                )
                result.rules += made
    return result


# Tagging ------------------------------------------------------


@dataclass
class TagReport:
    paragraphs: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0  # curator decisions left alone
    mentions: int = 0
    changed_paragraph_ids: set[int] = field(default_factory=set)
    lines: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.paragraphs} paragraphs: {self.created} commitments suggested, "
            f"{self.updated} updated, {self.removed} withdrawn, {self.kept} curator decisions "
            f"kept, {self.mentions} mentions added"
        )


def document_speaker(document: Document, catalogue: Catalogue) -> str | None:
    """The actor that "Decides" in this document: its issuing body."""
    slug, _ = catalogue.lookup(document.body) if document.body else (None, [])
    return slug


def document_extract(
    document: Document, paragraphs: list[Paragraph], catalogue: Catalogue
) -> dict[int, Extraction]:
    """Run the pure tagger over a document's paragraphs in reading order."""
    speaker = document_speaker(document, catalogue)
    context: list[str] = []
    acronyms: dict[str, str] = {}
    results: dict[int, Extraction] = {}
    for p in paragraphs:
        parent = results.get(p.parent_id) if p.parent_id else None
        operative = p.kind != Kind.PREAMBULAR and p.part != Part.PREAMBLE and p.kind != Kind.HEADING
        if p.parent_id and parent is None:
            operative = False
        extraction = extract(
            p.text,
            catalogue,
            speaker=speaker,
            we="member-states",
            context=context,
            acronyms=acronyms,
            inherit=parent.open_ended if parent else (),
            operative=operative,
        )
        results[p.pk] = extraction
        acronyms = extraction.acronyms
        context.extend(a.slug for a in extraction.actors)
    return results


def document_tag(
    *,
    document: Document,
    paragraph_ids=None,
    dry_run: bool = False,
    catalogue: Catalogue | None = None,
) -> TagReport:
    """Suggest commitments and mentions for a document's paragraphs (all, or `paragraph_ids`).

    Whole-document context is always used (back-references, sub-paragraphs). With
    `dry_run`, everything is computed and reported and nothing is kept.
    """
    catalogue = catalogue or selectors.catalogue_load()
    paragraphs = selectors.paragraphs_for_tagging(document)
    extractions = document_extract(document, paragraphs, catalogue)
    wanted = set(paragraph_ids) if paragraph_ids is not None else None
    targets = [p for p in paragraphs if wanted is None or p.pk in wanted]
    report = TagReport(paragraphs=len(targets))
    with transaction.atomic():
        _sync(targets, extractions, report)
        if dry_run:
            transaction.set_rollback(True)
        elif report.changed_paragraph_ids:
            _enqueue(report.changed_paragraph_ids)
    return report


def _sync(paragraphs: list[Paragraph], extractions: dict[int, Extraction], report: TagReport):
    ids = [p.pk for p in paragraphs]
    actors = dict(Actor.objects.values_list("slug", "pk"))
    types = {t.slug: t for t in CommitmentType.objects.all()}
    existing = defaultdict(list)
    for c in (
        Commitment.objects.filter(paragraph_id__in=ids)
        .select_related("actor")
        .prefetch_related("types")
    ):
        existing[c.paragraph_id].append(c)
    mentions = defaultdict(dict)
    for m in Mention.objects.filter(paragraph_id__in=ids):
        mentions[m.paragraph_id][m.actor_id] = m
    for p in paragraphs:
        extraction = extractions[p.pk]
        _sync_commitments(p, extraction.commitments, existing[p.pk], actors, types, report)
        _sync_mentions(p, extraction, mentions[p.pk], actors, report)


def _sync_commitments(p, suggestions: list[Suggestion], rows, actors, types, report):
    protected = [c for c in rows if c.is_protected]
    report.kept += len(protected)
    decided = {(c.actor_id, c.verb) for c in protected}
    free = defaultdict(list)
    for c in rows:
        if not c.is_protected:
            free[(c.actor_id, c.verb)].append(c)
    for s in suggestions:
        actor_id = actors.get(s.actor)
        if actor_id is None or (actor_id, s.verb) in decided:
            continue
        wanted_types = [types[t] for t in s.types if t in types]
        fields = {
            "strength": s.strength,
            "clause_start": s.start,
            "clause_end": s.end,
            "clause": p.text[s.start : s.end],
            "deadline": s.deadline[:120],
        }
        candidates = free.get((actor_id, s.verb))
        if candidates:
            row = candidates.pop(0)
            current_types = {t.pk for t in row.types.all()}
            if any(getattr(row, k) != v for k, v in fields.items()):
                for k, v in fields.items():
                    setattr(row, k, v)
                row.save()
                report.updated += 1
                report.changed_paragraph_ids.add(p.pk)
            if current_types != {t.pk for t in wanted_types}:
                row.types.set(wanted_types)
                report.changed_paragraph_ids.add(p.pk)
            continue
        row = Commitment(paragraph=p, actor_id=actor_id, verb=s.verb, origin=Origin.RULE, **fields)
        row.save()
        row.types.set(wanted_types)
        report.created += 1
        report.changed_paragraph_ids.add(p.pk)
        report.lines.append(f"{p.document.slug}#{p.anchor}: {s.verb} {s.actor} {list(s.types)}")
    for leftovers in free.values():
        for row in leftovers:
            row.delete()
            report.removed += 1
            report.changed_paragraph_ids.add(p.pk)


def _sync_mentions(p, extraction: Extraction, rows: dict, actors, report):
    wanted = {}
    for m in extraction.mentions:
        actor_id = actors.get(m.slug)
        if actor_id:
            wanted.setdefault(actor_id, m.printed)
    for actor_id, row in rows.items():
        if actor_id not in wanted and not row.is_protected:
            row.delete()
            report.changed_paragraph_ids.add(p.pk)
    for actor_id, printed in wanted.items():
        if actor_id not in rows:
            Mention.objects.create(paragraph=p, actor_id=actor_id, printed_as=printed[:300])
            report.mentions += 1
            report.changed_paragraph_ids.add(p.pk)


def _enqueue(paragraph_ids) -> None:
    """Ask the search app to re-index; the app may be absent."""
    try:
        from search.queue import enqueue_paragraphs
    except ImportError:  # search not installed: nothing to keep in step
        return
    enqueue_paragraphs(sorted(paragraph_ids))


def on_document_imported(sender, *, document, created, changed_paragraph_ids, **kwargs) -> None:
    """Tag the paragraphs an import added or edited (the signal runs inside its transaction)."""
    if not ActorAlias.objects.exists():
        logger.info("No actors loaded (run load_taxonomy): %s not tagged", document.slug)
        return
    ids = None if created else changed_paragraph_ids
    if ids is not None and not ids:
        return
    report = document_tag(document=document, paragraph_ids=ids)
    logger.info("Tagged %s: %s", document.slug, report)
    # A paragraph restored with a text a curator reviewed gets the review back.
    from .reviews import reviews_restore

    new_ids = list(
        document.paragraphs.filter(commitment_review__isnull=True).values_list("pk", flat=True)
        if ids is None
        else ids
    )
    restored = reviews_restore(new_ids)
    if restored is not None:
        logger.info("Curator reviews restored in %s: %s", document.slug, restored)


# Review actions ------------------------------------------------------


def _save_as(obj, user):
    if user is not None:
        obj._history_user = user
    obj.save()


def commitments_set_status(*, commitments, status: str, user=None) -> int:
    """Confirm or reject (or send back to suggested) commitments, each change in history."""
    return _set_status(commitments, status, user)


def _set_status(rows, status: str, user) -> int:
    """Set the review status of commitments or mentions; returns the paragraphs changed."""
    if status not in Status.values:
        raise ValueError(f"Unknown status {status!r}")
    changed = set()
    with transaction.atomic():
        for row in rows:
            if row.status != status:
                row.status = status
                _save_as(row, user)
                changed.add(row.paragraph_id)
        _enqueue(changed)
    return len(changed)


def commitments_add_types(*, commitments, types, user=None) -> int:
    """Add types to each commitment, keeping the ones it has; marks them edited."""
    return _change_types(commitments, types, user, add=True)


def commitments_remove_types(*, commitments, types, user=None) -> int:
    return _change_types(commitments, types, user, add=False)


def _change_types(commitments, types, user, *, add: bool) -> int:
    types = list(types)
    count = 0
    changed = set()
    with transaction.atomic():
        for c in commitments:
            before = set(c.types.values_list("pk", flat=True))
            (c.types.add if add else c.types.remove)(*types)
            after = set(c.types.values_list("pk", flat=True))
            if before != after:
                c.is_edited = True
                _save_as(c, user)
                count += 1
                changed.add(c.paragraph_id)
        _enqueue(changed)
    return count


def commitment_edited(*, commitment: Commitment, user=None) -> None:
    """Record that a curator changed a commitment by hand: re-tagging will leave it."""
    commitment.is_edited = True
    if commitment.origin == Origin.RULE and commitment.pk is None:
        commitment.origin = Origin.CURATOR
    _save_as(commitment, user)
    _enqueue([commitment.paragraph_id])


def mentions_set_status(*, mentions, status: str, user=None) -> int:
    """Confirm or reject mentions, each change in history."""
    return _set_status(mentions, status, user)


def actors_merge(*, source: Actor, target: Actor, user=None) -> Actor:
    """Fold `source` into `target`: names, commitments, mentions and relations move over,
    the source's name becomes an alias, and the source is deleted."""
    if source.pk == target.pk:
        raise ValueError("Cannot merge an actor into itself.")
    with transaction.atomic():
        paragraphs = set(source.commitments.values_list("paragraph_id", flat=True)) | set(
            source.mentions.values_list("paragraph_id", flat=True)
        )
        known = set(target.aliases.values_list("text", "is_back_reference"))
        for alias in source.aliases.all():
            if (alias.text, alias.is_back_reference) not in known:
                ActorAlias.objects.create(
                    actor=target, text=alias.text, is_back_reference=alias.is_back_reference
                )
        if (source.name, False) not in known:
            ActorAlias.objects.get_or_create(actor=target, text=source.name)
        for c in source.commitments.all():
            c.actor = target
            _save_as(c, user)
        target_mentions = set(target.mentions.values_list("paragraph_id", flat=True))
        for m in source.mentions.all():
            if m.paragraph_id in target_mentions:
                m.delete()
            else:
                m.actor = target
                _save_as(m, user)
        for rel in source.relations_out.all():
            if rel.target_id != target.pk:
                ActorRelation.objects.get_or_create(
                    source=target, relation=rel.relation, target_id=rel.target_id
                )
        for rel in source.relations_in.all():
            if rel.source_id != target.pk:
                ActorRelation.objects.get_or_create(
                    source_id=rel.source_id, relation=rel.relation, target=target
                )
        if user is not None:
            source._history_user = user
        source.delete()
        _enqueue(paragraphs)
    return target


def documents_tag_all(*, documents=None, dry_run: bool = False) -> dict[str, TagReport]:
    catalogue = selectors.catalogue_load()
    documents = documents if documents is not None else Document.objects.order_by("slug")
    return {
        d.slug: document_tag(document=d, dry_run=dry_run, catalogue=catalogue) for d in documents
    }
