"""Curation: the review queue of suggested commitments, actors with their names and
merging, the taxonomy with its rules, and a page to try the rules on any text."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import selectors, services
from .evaluation import text_hash
from .forms import SELECTED, ChangeTypesForm, MergeActorForm, TryTaggerForm
from .models import (
    Actor,
    ActorAlias,
    ActorRelation,
    Commitment,
    CommitmentType,
    Mention,
    ParagraphReview,
    SdgTarget,
    TypeRule,
)
from .tagging import extract
from .vocabulary import Origin, Status


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


class RelationInline(admin.TabularInline):
    model = ActorRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "slug", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "slug", "aliases__text"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [AliasInline, RelationInline]
    actions = ["merge_actors"]

    @admin.action(description="Merge selected actors into another")
    def merge_actors(self, request, queryset):
        if "apply" in request.POST:
            form = MergeActorForm(request.POST)
            if form.is_valid():
                target = form.cleaned_data["target"]
                merged = 0
                for source in queryset.exclude(pk=target.pk):
                    services.actors_merge(source=source, target=target, user=request.user)
                    merged += 1
                self.message_user(request, f"Merged {merged} actors into {target}.")
                return None
        else:
            form = MergeActorForm(
                initial={
                    "_selected_action": request.POST.getlist(SELECTED),
                    "action": "merge_actors",
                }
            )
        return TemplateResponse(
            request,
            "admin/commitments/intermediate_form.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge actors",
                "objects": queryset,
                "form": form,
                "opts": self.model._meta,
            },
        )


class RuleInline(admin.TabularInline):
    model = TypeRule
    extra = 1


@admin.register(CommitmentType)
class CommitmentTypeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "parent", "position"]
    list_select_related = ["parent"]
    list_filter = ["parent"]
    search_fields = ["name", "slug", "definition"]
    autocomplete_fields = ["parent"]
    filter_horizontal = ["sdg_targets"]
    inlines = [RuleInline]


@admin.register(TypeRule)
class TypeRuleAdmin(SimpleHistoryAdmin):
    list_display = ["text", "kind", "ctype", "is_active"]
    list_select_related = ["ctype"]
    list_filter = ["kind", "is_active", "ctype"]
    list_editable = ["is_active"]
    search_fields = ["text", "ctype__name", "ctype__slug"]
    autocomplete_fields = ["ctype"]


admin.site.register(SdgTarget)


class ParagraphReviewedFilter(admin.SimpleListFilter):
    """Has a curator reviewed the whole paragraph (and for its current text)?"""

    title = "paragraph reviewed by a curator"
    parameter_name = "reviewed"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No, not yet")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(paragraph__commitment_review__isnull=False)
        if self.value() == "no":
            return queryset.filter(paragraph__commitment_review__isnull=True)
        return queryset


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    """The review queue: filter by document and status, confirm or reject in bulk."""

    list_display = [
        "where",
        "actor",
        "verb",
        "strength",
        "clause_in_context",
        "type_list",
        "status",
        "origin",
        "paragraph_reviewed",
    ]
    list_filter = [
        "status",
        ParagraphReviewedFilter,
        "strength",
        "origin",
        "paragraph__document",
        "actor__kind",
    ]
    list_select_related = [
        "actor",
        "paragraph__document",
        "paragraph__parent__parent",  # the citation walks up to the top paragraph
        "paragraph__commitment_review",
    ]
    search_fields = [
        "clause",
        "verb",
        "actor__name",
        "actor__short_name",
        "paragraph__document__slug",
        "paragraph__anchor",
    ]
    autocomplete_fields = ["actor", "types", "paragraph"]
    readonly_fields = ["created", "updated"]
    actions = ["confirm", "reject", "back_to_suggested", "add_types", "remove_types"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("types")

    @admin.display(description="Paragraph", ordering="paragraph__position")
    def where(self, obj):
        return format_html(
            '<a href="{}">{}</a>', obj.paragraph.get_absolute_url(), obj.paragraph.citation
        )

    @admin.display(description="Clause, highlighted in the paragraph")
    def clause_in_context(self, obj):
        text = obj.paragraph.text
        start, end = obj.clause_start, min(obj.clause_end, len(text))
        before = text[max(0, start - 80) : start]
        after = text[end : end + 80]
        return format_html("…{}<mark>{}</mark>{}…", before, text[start:end], after)

    @admin.display(description="Paragraph reviewed", boolean=True)
    def paragraph_reviewed(self, obj):
        review = getattr(obj.paragraph, "commitment_review", None)
        return review is not None and review.is_current

    @admin.display(description="Types")
    def type_list(self, obj):
        return ", ".join(t.slug for t in obj.types.all())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.origin = Origin.CURATOR
        obj.is_edited = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.commitment_edited(commitment=form.instance, user=request.user)

    @admin.action(description="Confirm selected commitments")
    def confirm(self, request, queryset):
        n = services.commitments_set_status(
            commitments=queryset, status=Status.CONFIRMED, user=request.user
        )
        self.message_user(request, f"Confirmed commitments in {n} paragraphs.")

    @admin.action(description="Reject selected commitments")
    def reject(self, request, queryset):
        n = services.commitments_set_status(
            commitments=queryset, status=Status.REJECTED, user=request.user
        )
        self.message_user(request, f"Rejected commitments in {n} paragraphs.")

    @admin.action(description="Send back to suggested")
    def back_to_suggested(self, request, queryset):
        services.commitments_set_status(
            commitments=queryset, status=Status.SUGGESTED, user=request.user
        )

    @admin.action(description="Add types to selected (keeps their other types)")
    def add_types(self, request, queryset):
        return self._types_form(request, queryset, add=True)

    @admin.action(description="Remove types from selected")
    def remove_types(self, request, queryset):
        return self._types_form(request, queryset, add=False)

    def _types_form(self, request, queryset, *, add):
        action = "add_types" if add else "remove_types"
        if "apply" in request.POST:
            form = ChangeTypesForm(request.POST)
            if form.is_valid():
                change = (
                    services.commitments_add_types if add else services.commitments_remove_types
                )
                n = change(
                    commitments=queryset, types=form.cleaned_data["types"], user=request.user
                )
                self.message_user(request, f"Changed the types of {n} commitments.")
                return None
        else:
            form = ChangeTypesForm(
                initial={"_selected_action": request.POST.getlist(SELECTED), "action": action}
            )
        return TemplateResponse(
            request,
            "admin/commitments/intermediate_form.html",
            {
                **self.admin_site.each_context(request),
                "title": "Add types" if add else "Remove types",
                "objects": queryset,
                "form": form,
                "opts": self.model._meta,
            },
        )

    def get_urls(self):
        extra = [
            path(
                "try/",
                self.admin_site.admin_view(self.try_tagger),
                name="commitments_commitment_try",
            )
        ]
        return extra + super().get_urls()

    def try_tagger(self, request):
        """Run the current rules on any text: what would be suggested, and why."""
        form = TryTaggerForm(request.POST or None)
        result = None
        if request.method == "POST" and form.is_valid():
            speaker = form.cleaned_data["speaker"]
            result = extract(
                form.cleaned_data["text"],
                selectors.catalogue_load(),
                speaker=speaker.slug if speaker else "general-assembly",
            )
            if not result.commitments and not result.mentions:
                messages.info(request, "No actor recognised in this text.")
        return TemplateResponse(
            request,
            "admin/commitments/try_tagger.html",
            {
                **self.admin_site.each_context(request),
                "title": "Try the tagging rules",
                "form": form,
                "result": result,
                "rows": [
                    (c, form.cleaned_data["text"][c.start : c.end]) for c in result.commitments
                ]
                if result
                else [],
                "opts": self.model._meta,
            },
        )


@admin.register(Mention)
class MentionAdmin(SimpleHistoryAdmin):
    list_display = ["paragraph", "actor", "printed_as", "status", "origin"]
    list_filter = ["status", "origin", "paragraph__document"]
    list_select_related = ["actor", "paragraph__document", "paragraph__parent__parent"]
    search_fields = ["actor__name", "printed_as", "paragraph__anchor"]
    autocomplete_fields = ["actor", "paragraph"]
    actions = ["confirm", "reject"]

    @admin.action(description="Confirm selected mentions")
    def confirm(self, request, queryset):
        services.mentions_set_status(mentions=queryset, status=Status.CONFIRMED, user=request.user)

    @admin.action(description="Reject selected mentions")
    def reject(self, request, queryset):
        services.mentions_set_status(mentions=queryset, status=Status.REJECTED, user=request.user)


@admin.register(ParagraphReview)
class ParagraphReviewAdmin(SimpleHistoryAdmin):
    """Paragraphs a curator reviewed whole: with commitments, or "reviewed: no commitment"."""

    list_display = ["where", "has_commitments", "is_current", "source", "reviewer", "reviewed_at"]
    list_filter = ["has_commitments", "source", "paragraph__document"]
    list_select_related = ["paragraph__document", "paragraph__parent__parent", "reviewer"]
    search_fields = ["paragraph__anchor", "paragraph__document__slug", "note"]
    autocomplete_fields = ["paragraph"]
    readonly_fields = ["text_sha1", "source", "reviewer", "reviewed_at"]

    @admin.display(description="Paragraph", ordering="paragraph__position")
    def where(self, obj):
        return format_html(
            '<a href="{}">{}</a>', obj.paragraph.get_absolute_url(), obj.paragraph.citation
        )

    @admin.display(description="Reviewed text is current", boolean=True)
    def is_current(self, obj):
        return obj.is_current

    def save_model(self, request, obj, form, change):
        obj.reviewer = request.user
        obj.source = "admin"
        obj.text_sha1 = text_hash(obj.paragraph.text)
        super().save_model(request, obj, form, change)
