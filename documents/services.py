"""Writes to documents: import (create or update in place) and publishing."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.db import transaction

from .models import Document, DocumentRelation, Footnote, Paragraph, ParagraphRedirect
from .parsing import DocumentParseError, ParsedDocument, ParsedParagraph, parse_document
from .reconcile import ParagraphPlan, plan_paragraphs
from .serializers import parsed_document_data
from .signals import document_changed, document_imported
from .symbols import normalize_symbol, resolution_symbol, slugify_symbol
from .vocabulary import DocumentType, Kind, Part

logger = logging.getLogger(__name__)

# Anchors parked here while paragraphs swap anchors, so the unique constraint holds.
_PARKING_BASE = 900_000_000


@dataclass
class ImportResult:
    document: Document
    created: bool
    parsed: ParsedDocument
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: bool = False  # the same text was imported before: nothing was written

    @property
    def summary(self) -> str:
        if self.skipped:
            return f"Unchanged {self.document.slug}: already imported from the same text"
        verb = "Created" if self.created else "Updated"
        return (
            f"{verb} {self.document.slug}: {len(self.parsed.paragraphs)} paragraphs "
            f"({len(self.added)} added, {len(self.changed)} changed, {len(self.moved)} moved, "
            f"{len(self.removed)} removed, {self.unchanged} unchanged), "
            f"{_count(self.parsed.footnotes, 'footnote')}, "
            f"{_count(self.parsed.references, 'reference')}, "
            f"{_count(self.parsed.warnings, 'warning')}"
        )


def _count(items: list, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def document_parse(*, text: str, symbol: str | None = None) -> ParsedDocument:
    """Parse and complete the metadata the way an import would, without writing anything."""
    parsed = parse_document(text)
    if symbol:
        parsed.symbol = symbol.strip()
    if not parsed.symbol and parsed.resolution_number:
        derived = resolution_symbol(parsed.body, parsed.resolution_number)
        if derived:
            parsed.symbol = derived
            parsed.warnings.append(
                f"No symbol printed; {derived} follows from {parsed.body} resolution "
                f"{parsed.resolution_number}."
            )
    if not parsed.title and parsed.document_type == DocumentType.LETTER:
        parsed.title = _letter_title(parsed)
    own = normalize_symbol(parsed.symbol) if parsed.symbol else ""
    parsed.references = [r for r in parsed.references if normalize_symbol(r.symbol) != own]
    return parsed


def _letter_title(parsed: ParsedDocument) -> str:
    """UN letters are named by date and sender: "Letter dated 21 July 2017 from the ..."."""
    title = "Letter"
    if parsed.distributed:
        title += f" dated {parsed.distributed.day} {parsed.distributed:%B %Y}"
    if parsed.body:
        title += f" from the {parsed.body}"
    enclosed = next(
        (p.text for p in parsed.paragraphs if p.part == Part.ENCLOSURE and p.kind == Kind.HEADING),
        "",
    )
    if enclosed:
        title += f" transmitting the draft {enclosed}"
    return title[:500]


def document_import_plan(*, parsed: ParsedDocument, slug: str = "") -> ParagraphPlan | None:
    """What importing `parsed` would do to the stored document, or None for a new one."""
    document = _find_existing(parsed.symbol, slug or slugify_symbol(parsed.symbol))
    if document is None:
        return None
    return plan_paragraphs(list(document.paragraphs.all()), parsed.paragraphs)


def document_import(
    *,
    text: str,
    source_name: str = "",
    symbol: str | None = None,
    slug: str | None = None,
    title: str | None = None,
    publish: bool | None = None,
) -> ImportResult:
    """Import a document, or update it in place when its symbol or slug is already known.

    One transaction: on any error nothing is written. Paragraphs whose text is unchanged
    keep their identity (and so their tags); an anchor that changes keeps redirecting; a
    removed paragraph's URL answers "no longer in this document".
    """
    parsed = document_parse(text=text, symbol=symbol)
    slug = slug or (slugify_symbol(parsed.symbol) if parsed.symbol else "")
    if not slug:
        raise DocumentParseError(
            "This document prints no symbol: give it a slug (--slug, or the slug field) "
            "to serve as its permalink."
        )
    if not (title or parsed.title):
        raise DocumentParseError("No title found: give one, or check the file is a UN document.")

    fingerprint = _fingerprint(parsed, slug=slug, title=title)
    with transaction.atomic():
        document = _find_existing(parsed.symbol, slug)
        created = document is None
        if (
            not created
            and document.fingerprint == fingerprint
            and (publish is None or publish == document.is_published)
        ):
            return ImportResult(document=document, created=False, parsed=parsed, skipped=True)
        if created:
            document = Document(slug=slug, is_published=bool(publish))
        elif publish is not None:
            document.is_published = publish
        _fill_document(document, parsed, text=text, source_name=source_name, title=title)
        document.fingerprint = fingerprint
        document.full_clean()
        document.save()

        footnotes = _sync_footnotes(document, parsed)
        result = ImportResult(document=document, created=created, parsed=parsed)
        changed_ids = _sync_paragraphs(document, parsed.paragraphs, footnotes, result)
        _sync_relations(document, parsed)
        document_imported.send(
            sender=Document, document=document, created=created, changed_paragraph_ids=changed_ids
        )
    logger.debug(result.summary)
    return result


def _fingerprint(parsed: ParsedDocument, **extra) -> str:
    data = {"parsed": parsed_document_data(parsed), **extra}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _find_existing(symbol: str, slug: str) -> Document | None:
    if symbol:
        found = Document.objects.by_symbol(symbol).first()
        if found:
            return found
    return Document.objects.filter(slug=slug).first()


def _fill_document(document: Document, parsed: ParsedDocument, **extra) -> None:
    document.symbol = parsed.symbol
    document.title = extra["title"] or parsed.title
    document.body = parsed.body
    document.document_type = parsed.document_type
    document.resolution_number = parsed.resolution_number
    document.session = parsed.session
    document.agenda_items = parsed.agenda_items
    document.adopted = parsed.adopted
    document.distributed = parsed.distributed
    document.meeting = parsed.meeting
    document.report = parsed.report
    document.sponsors = parsed.sponsors
    document.source_text = extra["text"]
    document.source_name = extra["source_name"] or document.source_name
    document.import_warnings = parsed.warnings


def _sync_footnotes(document: Document, parsed: ParsedDocument) -> dict[int, Footnote]:
    existing = {f.number: f for f in document.footnotes.all()}
    wanted = {f.number: f.text for f in parsed.footnotes}
    for number, footnote in existing.items():
        if number not in wanted:
            footnote.delete()
        elif footnote.text != wanted[number]:
            footnote.text = wanted[number]
            footnote.save(update_fields=["text"])
    for number, text in wanted.items():
        if number not in existing:
            existing[number] = Footnote.objects.create(document=document, number=number, text=text)
    return {number: existing[number] for number in wanted}


def _sync_paragraphs(
    document: Document,
    incoming: list[ParsedParagraph],
    footnotes: dict[int, Footnote],
    result: ImportResult,
) -> list[int]:
    """Apply `plan_paragraphs` to the stored paragraphs; returns the ids added or edited."""
    plan = plan_paragraphs(list(document.paragraphs.all()), incoming)
    result.added, result.changed, result.moved = plan.added, plan.changed, plan.moved
    result.removed, result.unchanged = plan.removed_anchors, plan.unchanged

    for p in plan.removed:
        ParagraphRedirect.objects.update_or_create(
            document=document,
            old_anchor=p.anchor,
            defaults={"paragraph": None, "removed_text": p.text},
        )
        p.delete()

    # Park every kept paragraph whose anchor changes, then give each its final anchor.
    moving = [p for i, p in plan.matched.items() if p.anchor != incoming[i].anchor]
    for p in moving:
        ParagraphRedirect.objects.update_or_create(
            document=document, old_anchor=p.anchor, defaults={"paragraph": p}
        )
        Paragraph.objects.filter(pk=p.pk).update(anchor=f"p-{_PARKING_BASE + p.pk}")

    changed_ids: list[int] = []
    saved: dict[str, Paragraph] = {}
    for index, parsed in enumerate(incoming):
        p = plan.matched.get(index) or Paragraph(document=document)
        is_new_or_edited = p.pk is None or p.text != parsed.text
        p.position = index + 1
        p.part = parsed.part
        p.kind = parsed.kind
        p.number = parsed.number
        p.anchor = parsed.anchor
        p.lead = parsed.lead
        p.text = parsed.text
        p.parent = saved.get(parsed.parent_anchor) if parsed.parent_anchor else None
        p.full_clean(exclude=["document", "parent"], validate_unique=False)
        p.save()
        p.footnotes.set([footnotes[n] for n in parsed.footnotes if n in footnotes])
        saved[p.anchor] = p
        if is_new_or_edited:
            changed_ids.append(p.pk)

    # A live anchor wins over an old redirect of the same name.
    ParagraphRedirect.objects.filter(document=document, old_anchor__in=saved.keys()).delete()
    return changed_ids


def _sync_relations(document: Document, parsed: ParsedDocument) -> None:
    """Record every reference; link those whose target is here, and those waiting for us."""
    wanted = {}
    for ref in parsed.references:
        key = (ref.relation, normalize_symbol(ref.symbol))
        wanted.setdefault(key, ref)
    current = {(r.relation, r.target_symbol): r for r in document.relations_out.all()}
    for key, relation in current.items():
        if key not in wanted and not relation.curated:
            relation.delete()
    for (kind, target_symbol), ref in wanted.items():
        target = Document.objects.by_symbol(target_symbol).first()
        DocumentRelation.objects.update_or_create(
            source=document,
            relation=kind,
            target_symbol=target_symbol,
            defaults={"target": target, "cited_as": ref.cited_as[:300], "anchor": ref.anchor},
        )
    if document.symbol_key:
        DocumentRelation.objects.unresolved().filter(target_symbol=document.symbol_key).update(
            target=document
        )


def document_relate(*, source: Document, target_symbol: str, relation: str) -> DocumentRelation:
    """Record a curated relation (kept across re-imports)."""
    target_symbol = normalize_symbol(target_symbol)
    target = Document.objects.by_symbol(target_symbol).first() or (
        Document.objects.filter(slug=slugify_symbol(target_symbol)).first()
    )
    relation_obj, _ = DocumentRelation.objects.update_or_create(
        source=source,
        relation=relation,
        target_symbol=target_symbol,
        defaults={"target": target, "curated": True},
    )
    return relation_obj


def paragraphs_edited(*, document: Document, paragraph_ids: list[int]) -> None:
    """Tell derived data (tags, lineage, search) that a curator edited these paragraphs."""
    if paragraph_ids:
        document_changed.send(
            sender=Document, document=document, created=False, changed_paragraph_ids=paragraph_ids
        )


def documents_publish(*, documents, published: bool = True) -> int:
    """Publish or unpublish documents; each save is recorded in the history."""
    count = 0
    with transaction.atomic():
        for document in documents:
            if document.is_published != published:
                document.is_published = published
                document.save(update_fields=["is_published", "updated"])
                count += 1
    return count
