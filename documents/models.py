from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .symbols import normalize_symbol, slugify_symbol
from .vocabulary import RELATION_LABELS, DocumentType, Kind, Part, Relation

ANCHOR_PATTERN = r"^(pp|op|annex[0-9]*|p)-[0-9]+(-[a-z0-9]+)*$"


class DocumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_paragraph_counts(self):
        return self.annotate(paragraph_count=Count("paragraphs", distinct=True))

    def with_sort_date(self):
        """`sort_date`: adoption date, else distribution date (drafts, letters)."""
        return self.annotate(sort_date=Coalesce("adopted", "distributed"))

    def by_symbol(self, symbol: str):
        return self.filter(symbol_key=normalize_symbol(symbol))


class Document(models.Model):
    symbol = models.CharField(
        max_length=100,
        blank=True,
        help_text='As printed, e.g. "A/RES/72/195" or "S/RES/2331 (2016)". Blank for a letter '
        "or a draft with no printed symbol: never invent one.",
    )
    symbol_key = models.CharField(max_length=100, blank=True, db_index=True, editable=False)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="The permalink key. Derived from the symbol; set it by hand when there is none. "
        "Changing it keeps the old URL redirecting.",
    )
    title = models.CharField(max_length=500)
    body = models.CharField("issuing body", max_length=200, blank=True)
    document_type = models.CharField(
        max_length=30, choices=DocumentType.choices, default=DocumentType.RESOLUTION
    )
    resolution_number = models.CharField(max_length=30, blank=True, help_text='e.g. "72/195"')
    session = models.CharField(max_length=100, blank=True)
    agenda_items = models.JSONField(default=list, blank=True)
    adopted = models.DateField("adoption date", null=True, blank=True)
    distributed = models.DateField("distribution date", null=True, blank=True)
    meeting = models.CharField(max_length=100, blank=True, help_text='"73rd plenary meeting"')
    report = models.CharField(
        max_length=100, blank=True, help_text="Symbol of the report it was adopted on"
    )
    sponsors = models.JSONField(
        default=list, blank=True, help_text="Member States sponsoring a draft, as printed"
    )
    source_text = models.TextField(help_text="The text as imported")
    source_name = models.CharField(max_length=255, blank=True, help_text="Imported file name")
    import_warnings = models.JSONField(default=list, blank=True)
    fingerprint = models.CharField(
        max_length=64, blank=True, editable=False, help_text="Hash of the last parsed import"
    )
    is_published = models.BooleanField("published", default=False, db_index=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["source_text", "fingerprint"])
    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-adopted", "-distributed", "slug"]  # lists use with_sort_date()
        constraints = [
            models.UniqueConstraint(
                fields=["symbol_key"],
                condition=~Q(symbol_key=""),
                name="unique_document_symbol",
            ),
        ]

    def __str__(self) -> str:
        return self.symbol or self.title

    def save(self, *args, **kwargs):
        self.symbol_key = normalize_symbol(self.symbol) if self.symbol else ""
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", kwargs={"slug": self.slug})

    def clean(self):
        if not self.slug and self.symbol:
            self.slug = slugify_symbol(self.symbol)
        if not self.slug:
            raise ValidationError({"slug": "A document without a symbol needs a slug."})

    @property
    def label(self) -> str:
        """How the document is named in a short citation and in lists: its symbol, or for a
        document that prints none, its type, body and date ("Draft resolution (General
        Assembly, 19 November 2015)"), since its title is often the adopted text's own."""
        if self.symbol:
            return self.symbol
        details = [self.body] if self.body else []
        if self.date:
            details.append(f"{self.date.day} {self.date:%B %Y}")
        kind = self.get_document_type_display()
        return f"{kind} ({', '.join(details)})" if details else self.title

    display_label = label

    @property
    def date(self):
        return self.adopted or self.distributed

    @property
    def long_name(self) -> str:
        """ "General Assembly resolution 72/195 of 19 December 2017"."""
        kind = self.get_document_type_display().lower()
        if self.document_type == DocumentType.POLITICAL_DECLARATION:
            kind = "resolution"
        number = self.resolution_number or self.symbol
        name = " ".join(part for part in [self.body, kind, number] if part)
        if self.adopted:
            name += f" of {self.adopted.day} {self.adopted:%B %Y}"
        elif not number and self.distributed:
            name += f" dated {self.distributed.day} {self.distributed:%B %Y}"
        return name or self.title


class DocumentSlugRedirect(models.Model):
    """An old slug of a document: its URLs redirect forever to the current one."""

    old_slug = models.SlugField(max_length=120, unique=True)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="old_slugs")

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.document.slug}"


class DocumentRelationQuerySet(models.QuerySet):
    def unresolved(self):
        return self.filter(target__isnull=True)


class DocumentRelation(models.Model):
    """A typed link between documents; the target may not be in the corpus yet."""

    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(
        Document, on_delete=models.CASCADE, null=True, blank=True, related_name="relations_in"
    )
    target_symbol = models.CharField(
        max_length=100, help_text="The symbol referred to, canonical form (kept when unresolved)"
    )
    relation = models.CharField(max_length=30, choices=Relation.choices)
    cited_as = models.CharField(max_length=300, blank=True)
    anchor = models.CharField(max_length=40, blank=True, help_text="Where the source cites it")
    curated = models.BooleanField(
        default=False, help_text="Set by a curator or the corpus manifest; a re-import keeps it"
    )

    objects = DocumentRelationQuerySet.as_manager()

    class Meta:
        ordering = ["relation", "target_symbol"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "relation", "target_symbol"], name="unique_document_relation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_relation_display().lower()} {self.target_symbol}"

    @property
    def forward_label(self) -> str:
        return RELATION_LABELS[self.relation][0]

    @property
    def inverse_label(self) -> str:
        return RELATION_LABELS[self.relation][1]


class Footnote(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="footnotes")
    number = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_footnote_number"),
        ]

    def __str__(self) -> str:
        return f"{self.document} fn. {self.number}"


class ParagraphQuerySet(models.QuerySet):
    def published(self):
        return self.filter(document__is_published=True)

    def in_document(self, document):
        return self.filter(document=document)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def for_display(self):
        return self.select_related("document", "parent").prefetch_related("footnotes")


class Paragraph(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField(help_text="Reading order within the document")
    part = models.CharField(max_length=20, choices=Part.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    number = models.CharField(max_length=20, blank=True, help_text='As printed: "10", "a", "ii"')
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    anchor = models.CharField(
        max_length=40,
        help_text="Public permalink key: pp-N, op-N, op-N-a, annex-N, p-N. Never reuse one.",
    )
    lead = models.CharField(max_length=120, blank=True, help_text='"Urges", "Recalling also"')
    text = models.TextField()
    footnotes = models.ManyToManyField(Footnote, blank=True, related_name="paragraphs")

    history = HistoricalRecords(m2m_fields=[])
    objects = ParagraphQuerySet.as_manager()

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "anchor"], name="unique_paragraph_anchor"),
            models.CheckConstraint(
                condition=Q(anchor__regex=ANCHOR_PATTERN), name="paragraph_anchor_format"
            ),
        ]
        indexes = [models.Index(fields=["document", "position"])]

    def __str__(self) -> str:
        return self.citation

    def get_absolute_url(self) -> str:
        return reverse(
            "documents:paragraph", kwargs={"slug": self.document.slug, "anchor": self.anchor}
        )

    @property
    def citation(self) -> str:
        """Short form for reports: "A/RES/72/195, para. 10"; "A/RES/72/1, annex, para. 8"."""
        return f"{self.document.label}, {self.locator}"

    @property
    def locator(self) -> str:
        chain = []
        node = self
        while node is not None:
            chain.append(node)
            node = node.parent
        top = chain[-1]
        if top.number:
            head = f"para. {top.number}"
        else:
            head = f"{top.get_kind_display().lower()} {top.ordinal}"
        head += "".join(f" ({p.number})" for p in reversed(chain[:-1]) if p.number)
        if top.part == Part.ENCLOSURE:
            head = f"enclosure, {head}"
        elif top.part == Part.ANNEX or top.anchor.startswith("annex"):
            head = f"annex, {head}"
        return head

    @property
    def ordinal(self) -> str:
        """The N of pp-N / p-N: unnumbered paragraphs are cited by their place."""
        return self.anchor.split("-")[1]

    @property
    def long_citation(self) -> str:
        """ "General Assembly resolution 72/195 of 19 December 2017, operative paragraph 10"."""
        chain = []
        node = self
        while node is not None:
            chain.append(node)
            node = node.parent
        top = chain[-1]
        names = {
            Kind.PREAMBULAR: f"preambular paragraph {top.ordinal}",
            Kind.OPERATIVE: f"operative paragraph {top.number}",
            Kind.ANNEX: f"{'enclosure' if top.part == Part.ENCLOSURE else 'annex'}, "
            f"paragraph {top.number}",
        }
        where = names.get(top.kind) or (
            f"paragraph {top.number}" if top.number else f"paragraph {top.ordinal}"
        )
        where += "".join(f", sub-paragraph ({p.number})" for p in reversed(chain[:-1]))
        return f"{self.document.long_name}, {where}"


class ParagraphRedirect(models.Model):
    """An anchor a paragraph used to have. With no paragraph, the paragraph was removed (410)."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="paragraph_redirects"
    )
    old_anchor = models.CharField(max_length=40)
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="old_anchors"
    )
    removed_text = models.TextField(blank=True, help_text="The text when it was removed")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "old_anchor"], name="unique_paragraph_redirect"
            ),
        ]

    def __str__(self) -> str:
        target = self.paragraph.anchor if self.paragraph else "removed"
        return f"{self.document.slug}#{self.old_anchor} → {target}"
