"""Lineage data: which paragraphs share language, and which resolutions form a series.

Computed by `lineage.services` (on import and by `link_paragraphs`), never edited by
hand: rows here are derived from the paragraphs' text and the documents' titles.
"""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from documents.models import Document, Paragraph

from .matching import SIMILARITY_LABELS, Similarity


class SimilarityClass(models.TextChoices):
    IDENTICAL = Similarity.IDENTICAL.value, SIMILARITY_LABELS[Similarity.IDENTICAL]
    MINOR = Similarity.MINOR.value, SIMILARITY_LABELS[Similarity.MINOR]
    SUBSTANTIAL = Similarity.SUBSTANTIAL.value, SIMILARITY_LABELS[Similarity.SUBSTANTIAL]


class ParagraphLinkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            paragraph__document__is_published=True, counterpart__document__is_published=True
        )

    def for_display(self):
        return self.select_related("counterpart__document", "counterpart__parent__parent").order_by(
            Coalesce("counterpart__document__adopted", "counterpart__document__distributed").asc(
                nulls_last=True
            ),
            "counterpart__document__slug",
        )


class ParagraphLink(models.Model):
    """`counterpart` is the paragraph of another document closest to `paragraph`.

    One row per (paragraph, other document) at most: the best match there. Rows are
    directed; the reverse row usually exists but may point elsewhere when a document
    repeats itself.
    """

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="lineage_links")
    counterpart = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, related_name="lineage_backlinks"
    )
    score = models.FloatField(help_text="Word-level similarity of the normalised texts, 0–100")
    similarity = models.CharField(max_length=20, choices=SimilarityClass.choices)

    objects = ParagraphLinkQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "counterpart"], name="unique_paragraph_link"
            ),
            models.CheckConstraint(
                condition=~Q(paragraph=F("counterpart")), name="paragraph_link_not_self"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=100), name="paragraph_link_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.paragraph_id} ~ {self.counterpart_id} ({self.similarity}, {self.score:.0f})"


class ParagraphShingle(models.Model):
    """A hashed word pair of a paragraph: the inverted index that proposes candidates."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="+")
    shingle = models.IntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.paragraph_id}:{self.shingle}"


class SeriesQuerySet(models.QuerySet):
    def with_counts(self):
        return self.annotate(document_count=models.Count("members"))


class Series(models.Model):
    """Resolutions re-adopted under one title by one body (e.g. every two years)."""

    key = models.CharField(max_length=600, unique=True, help_text="Normalised body and title")
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=500)
    body = models.CharField(max_length=200, blank=True)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "series"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("lineage:series_detail", kwargs={"slug": self.slug})


class SeriesMember(models.Model):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="members")
    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="series_membership"
    )

    def __str__(self) -> str:
        return f"{self.series} · {self.document}"
