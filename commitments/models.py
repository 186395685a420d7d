"""Actors, the commitment-type taxonomy with its rules, and the commitments and mentions
recorded on paragraphs."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from documents.models import Paragraph

from .evaluation import text_hash
from .vocabulary import (
    RELATION_LABELS,
    STRENGTH_RANK,
    ActorKind,
    Origin,
    RelationKind,
    RuleKind,
    Status,
    Strength,
)


class ActorQuerySet(models.QuerySet):
    def with_counts(self):
        """Paragraphs in which the actor is asked to act (what `/search/?addressee=` finds)
        and mentions of it; rejected rows excluded."""
        return self.annotate(
            paragraph_count=Count(
                "commitments__paragraph",
                filter=~Q(commitments__status=Status.REJECTED)
                & Q(commitments__paragraph__document__is_published=True),
                distinct=True,
            ),
            mention_count=Count(
                "mentions",
                filter=~Q(mentions__status=Status.REJECTED)
                & Q(mentions__paragraph__document__is_published=True),
                distinct=True,
            ),
        )


class Actor(models.Model):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(
        max_length=60, blank=True, help_text='Acronym or short name the texts use: "UNODC", "ICAT"'
    )
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="From the short name where the texts use one (unodc, icat), else the name. "
        "Used in search filters: do not change lightly.",
    )
    kind = models.CharField(max_length=30, choices=ActorKind.choices)
    description = models.TextField(blank=True)
    website = models.URLField("official website", blank=True)

    history = HistoricalRecords()
    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("commitments:actor_detail", kwargs={"slug": self.slug})

    @property
    def label(self) -> str:
        return self.short_name or self.name


class ActorAlias(models.Model):
    """A name the texts use for an actor. A back-reference ("the Office") only counts when
    the actor it refers to was named earlier in the paragraph or the document."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=300, help_text="As printed; matched case-sensitively")
    is_back_reference = models.BooleanField(
        "back-reference",
        default=False,
        help_text='Like "the Office": resolved only to an actor already named nearby',
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["actor", "text"]
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "text"], name="unique_actor_alias"),
        ]

    def __str__(self) -> str:
        return self.text


class ActorRelation(models.Model):
    source = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="relations_out")
    relation = models.CharField(max_length=30, choices=RelationKind.choices)
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="relations_in")

    history = HistoricalRecords()

    class Meta:
        ordering = ["relation", "target__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "relation", "target"], name="unique_actor_relation"
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="no_self_relation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_relation_display().lower()} {self.target}"

    @property
    def forward_label(self) -> str:
        return RELATION_LABELS[self.relation][0]

    @property
    def inverse_label(self) -> str:
        return RELATION_LABELS[self.relation][1]


class SdgTarget(models.Model):
    code = models.CharField(max_length=10, unique=True, help_text='"8.7"')
    title = models.TextField()

    class Meta:
        ordering = ["code"]
        verbose_name = "SDG target"

    def __str__(self) -> str:
        return f"SDG {self.code}"


class CommitmentType(models.Model):
    """A node of the taxonomy; filtering on a type includes its descendants."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    position = models.PositiveIntegerField(default=0, help_text="Order among its siblings")
    definition = models.TextField(blank=True)
    examples = models.TextField(blank=True, help_text="Typical wording, one example a line")
    sdg_targets = models.ManyToManyField(SdgTarget, blank=True, related_name="commitment_types")

    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("commitments:type_detail", kwargs={"slug": self.slug})

    def clean(self):
        node, seen = self.parent, {self.pk}
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"parent": "A type cannot be its own ancestor."})
            seen.add(node.pk)
            node = node.parent


class TypeRule(models.Model):
    """A phrase or pattern that, found in a clause, gives the clause this type."""

    ctype = models.ForeignKey(
        CommitmentType, on_delete=models.CASCADE, related_name="rules", verbose_name="type"
    )
    kind = models.CharField(max_length=10, choices=RuleKind.choices, default=RuleKind.PHRASE)
    text = models.CharField(max_length=300)
    is_active = models.BooleanField("active", default=True)
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["ctype", "text"]
        constraints = [
            models.UniqueConstraint(fields=["ctype", "kind", "text"], name="unique_type_rule"),
        ]

    def __str__(self) -> str:
        return f"{self.ctype.slug}: {self.text}"

    def clean(self):
        if self.kind == RuleKind.PATTERN:
            try:
                re.compile(self.text)
            except re.error as exc:
                raise ValidationError({"text": f"Not a valid regular expression: {exc}"}) from exc


class CommitmentQuerySet(models.QuerySet):
    def visible(self):
        """Not rejected, in a published document: what the public pages count."""
        return self.exclude(status=Status.REJECTED).filter(paragraph__document__is_published=True)

    def protected(self):
        """Rows a re-tagging must leave alone: decided or edited by a curator."""
        return self.filter(
            Q(origin=Origin.CURATOR) | ~Q(status=Status.SUGGESTED) | Q(is_edited=True)
        )

    def for_display(self):
        return self.select_related("actor", "paragraph__document").prefetch_related("types")


class Commitment(models.Model):
    """One action asked of, or promised by, one actor in one paragraph."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="commitments")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="commitments")
    verb = models.CharField(max_length=80, help_text='As printed: "urges", "calls upon", "commit"')
    strength = models.CharField(max_length=20, choices=Strength.choices)
    clause_start = models.PositiveIntegerField(default=0)
    clause_end = models.PositiveIntegerField(default=0)
    clause = models.TextField(help_text="The span of the paragraph's text this commitment covers")
    types = models.ManyToManyField(CommitmentType, blank=True, related_name="commitments")
    deadline = models.CharField(
        max_length=120, blank=True, help_text='"at its seventy-fourth session", "by 2030"'
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.RULE)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.SUGGESTED, db_index=True
    )
    is_edited = models.BooleanField(
        "edited by a curator", default=False, help_text="Re-tagging never touches edited rows"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[types])
    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["paragraph__document", "paragraph__position", "clause_start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(clause_end__gte=models.F("clause_start")), name="clause_span_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.paragraph.citation}: {self.verb} {self.actor.label}"

    @property
    def strength_rank(self) -> int:
        return STRENGTH_RANK[self.strength]

    @property
    def is_protected(self) -> bool:
        return self.origin == Origin.CURATOR or self.status != Status.SUGGESTED or self.is_edited

    def clean(self):
        if self.paragraph_id and self.clause_end > len(self.paragraph.text):
            raise ValidationError({"clause_end": "The clause ends after the paragraph's text."})


class MentionQuerySet(models.QuerySet):
    def visible(self):
        return self.exclude(status=Status.REJECTED).filter(paragraph__document__is_published=True)


class Mention(models.Model):
    """An actor named in a paragraph without being asked anything."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="mentions")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="mentions")
    printed_as = models.CharField(max_length=300, blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.RULE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUGGESTED)

    history = HistoricalRecords()
    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["paragraph", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "actor"], name="unique_mention"),
        ]

    def __str__(self) -> str:
        return f"{self.paragraph.citation}: mentions {self.actor.label}"

    @property
    def is_protected(self) -> bool:
        return self.origin == Origin.CURATOR or self.status != Status.SUGGESTED


class ParagraphReviewQuerySet(models.QuerySet):
    def for_paragraphs(self, paragraph_ids):
        return self.filter(paragraph_id__in=paragraph_ids).select_related("reviewer")


class ParagraphReview(models.Model):
    """A curator read the paragraph and decided all its commitments and mentions.

    One per paragraph. `text_sha1` is the hash of the text that was reviewed: when the
    paragraph's text changes, the review is out of date (`is_current` is False) until a
    curator looks again. `has_commitments` False is the explicit "reviewed: no commitment".
    """

    paragraph = models.OneToOneField(
        Paragraph, on_delete=models.CASCADE, related_name="commitment_review"
    )
    text_sha1 = models.CharField(
        "hash of the reviewed text", max_length=40, help_text="Whitespace-normalised SHA-1"
    )
    has_commitments = models.BooleanField(
        default=True, help_text='Off means "reviewed: nobody is asked to act here"'
    )
    note = models.TextField(blank=True, help_text="Why the curator decided as they did")
    source = models.CharField(
        max_length=20,
        default="admin",
        help_text='"reviewed.json" when applied from the shipped review data',
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    reviewed_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ParagraphReviewQuerySet.as_manager()

    class Meta:
        ordering = ["paragraph__document", "paragraph__position"]

    def __str__(self) -> str:
        return f"{self.paragraph.citation}: reviewed"

    @property
    def is_current(self) -> bool:
        return text_hash(self.paragraph.text) == self.text_sha1
