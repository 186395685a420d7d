from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from .forms import DocumentAdminForm, DocumentImportConfirmForm, DocumentImportForm
from .models import (
    Document,
    DocumentRelation,
    DocumentSlugRedirect,
    Footnote,
    Paragraph,
    ParagraphRedirect,
)
from .parsing import DocumentParseError
from .services import (
    document_import,
    document_import_plan,
    documents_publish,
    paragraphs_edited,
)
from .symbols import slugify_symbol


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    fk_name = "document"
    extra = 0
    fields = ("position", "anchor", "kind", "part", "number", "lead", "text")
    readonly_fields = ("anchor",)
    ordering = ("position",)
    show_change_link = True
    classes = ("collapse",)

    def get_queryset(self, request):
        # Each row's label is its citation: load its document and parents with it.
        return super().get_queryset(request).select_related("document", "parent__parent")


class FootnoteInline(admin.TabularInline):
    model = Footnote
    extra = 0
    fields = ("number", "text")
    classes = ("collapse",)


class RelationInline(admin.TabularInline):
    model = DocumentRelation
    fk_name = "source"
    extra = 0
    fields = ("relation", "target_symbol", "target", "cited_as", "anchor", "curated")
    autocomplete_fields = ("target",)
    verbose_name_plural = "Relations to other documents"


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    form = DocumentAdminForm
    list_display = (
        "label_column",
        "title",
        "body",
        "document_type",
        "adopted",
        "paragraph_count",
        "warning_count",
        "is_published",
        "updated",
    )
    list_filter = ("is_published", "document_type", "body", "adopted")
    search_fields = ("symbol", "slug", "title", "resolution_number")
    readonly_fields = ("symbol_key", "created", "updated", "source_name", "import_warnings_list")
    inlines = (ParagraphInline, FootnoteInline, RelationInline)
    actions = ("publish", "unpublish")
    change_list_template = "admin/documents/document/change_list.html"
    fieldsets = (
        (None, {"fields": ("symbol", "slug", "title", "is_published")}),
        (
            "Metadata",
            {
                "fields": (
                    "body",
                    "document_type",
                    "resolution_number",
                    "session",
                    "agenda_items",
                    "adopted",
                    "distributed",
                    "meeting",
                    "report",
                    "sponsors",
                )
            },
        ),
        ("Import", {"fields": ("source_name", "import_warnings_list", "created", "updated")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_paragraphs=Count("paragraphs"))

    @admin.display(description="Symbol", ordering="symbol")
    def label_column(self, obj):
        return obj.symbol or format_html("<em>{}</em>", obj.slug)

    @admin.display(description="Paragraphs", ordering="_paragraphs")
    def paragraph_count(self, obj):
        return obj._paragraphs

    @admin.display(description="Warnings")
    def warning_count(self, obj):
        return len(obj.import_warnings or [])

    @admin.display(description="Import warnings")
    def import_warnings_list(self, obj):
        if not obj.import_warnings:
            return "None"
        items = format_html_join("", "<li>{}</li>", ((w,) for w in obj.import_warnings))
        return format_html("<ul>{}</ul>", items)

    @admin.action(description="Publish selected documents", permissions=["change"])
    def publish(self, request, queryset):
        count = documents_publish(documents=queryset, published=True)
        self.message_user(request, f"Published {count} document(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected documents", permissions=["change"])
    def unpublish(self, request, queryset):
        count = documents_publish(documents=queryset, published=False)
        self.message_user(request, f"Unpublished {count} document(s).", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        # A changed slug keeps the old permalinks working.
        if change and "slug" in form.changed_data:
            old_slug = form.initial.get("slug")
            if old_slug and old_slug != obj.slug:
                DocumentSlugRedirect.objects.update_or_create(
                    old_slug=old_slug, defaults={"document": obj}
                )
        if not obj.slug and obj.symbol:
            obj.slug = slugify_symbol(obj.symbol)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Paragraph:
            edited = [f.instance.pk for f in formset.forms if f.instance.pk and f.has_changed()]
            paragraphs_edited(document=form.instance, paragraph_ids=edited)

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="documents_document_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload or paste, preview what the parser found, then save."""
        if not self.has_add_permission(request):
            return redirect("admin:index")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import a document",
        }
        if request.method == "POST" and "confirm" in request.POST:
            confirm = DocumentImportConfirmForm(request.POST)
            if confirm.is_valid():
                data = confirm.cleaned_data
                try:
                    result = document_import(
                        text=data["text"],
                        source_name=data["source_name"],
                        symbol=data["symbol"] or None,
                        slug=data["slug"] or None,
                        title=data["title"] or None,
                        publish=data["publish"] or None,
                    )
                except DocumentParseError as error:
                    messages.error(request, str(error))
                else:
                    level = messages.WARNING if result.parsed.warnings else messages.SUCCESS
                    self.message_user(request, result.summary, level)
                    return redirect(
                        reverse("admin:documents_document_change", args=[result.document.pk])
                    )
            form = DocumentImportForm(
                initial={k: request.POST.get(k, "") for k in ("symbol", "slug", "title")}
            )
        elif request.method == "POST":
            form = DocumentImportForm(request.POST, request.FILES)
            if form.is_valid():
                data = form.cleaned_data
                parsed = data["parsed"]
                context.update(
                    {
                        "title": "Check the parsed document",
                        "parsed": parsed,
                        "existing": Document.objects.by_symbol(parsed.symbol).first()
                        if parsed.symbol
                        else Document.objects.filter(slug=data["slug"]).first(),
                        "needs_slug": not parsed.symbol and not data["slug"],
                        "plan": document_import_plan(parsed=parsed, slug=data["slug"]),
                        "confirm_form": DocumentImportConfirmForm(
                            initial={
                                "text": data["text"],
                                "source_name": data["source_name"],
                                "symbol": data["symbol"],
                                "slug": data["slug"],
                                "title": data["title"],
                                "publish": data["publish"],
                            }
                        ),
                    }
                )
                return TemplateResponse(
                    request, "admin/documents/document/import_preview.html", context
                )
        else:
            form = DocumentImportForm()
        context["form"] = form
        return TemplateResponse(request, "admin/documents/document/import_form.html", context)


@admin.register(Paragraph)
class ParagraphAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "anchor", "kind", "part", "lead", "document")
    list_filter = ("kind", "part", "document__is_published", "document")
    search_fields = ("text", "anchor", "lead", "document__symbol", "document__slug")
    list_select_related = ("document", "parent", "parent__parent")
    autocomplete_fields = ("document", "parent", "footnotes")
    readonly_fields = ("anchor",)
    fields = (
        "document",
        "anchor",
        "position",
        "part",
        "kind",
        "number",
        "parent",
        "lead",
        "text",
        "footnotes",
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and form.has_changed():
            paragraphs_edited(document=obj.document, paragraph_ids=[obj.pk])


@admin.register(Footnote)
class FootnoteAdmin(admin.ModelAdmin):
    list_display = ("document", "number", "text")
    search_fields = ("text", "document__symbol")
    list_select_related = ("document",)


@admin.register(DocumentRelation)
class DocumentRelationAdmin(admin.ModelAdmin):
    list_display = ("source", "relation", "target_symbol", "target", "curated")
    list_filter = ("relation", "curated", ("target", admin.EmptyFieldListFilter))
    search_fields = ("target_symbol", "source__symbol", "cited_as")
    autocomplete_fields = ("source", "target")
    list_select_related = ("source", "target")


@admin.register(ParagraphRedirect)
class ParagraphRedirectAdmin(admin.ModelAdmin):
    list_display = ("document", "old_anchor", "paragraph", "created")
    list_select_related = ("document", "paragraph", "paragraph__document")
    search_fields = ("old_anchor", "document__slug")


@admin.register(DocumentSlugRedirect)
class DocumentSlugRedirectAdmin(admin.ModelAdmin):
    list_display = ("old_slug", "document")
    search_fields = ("old_slug", "document__slug")
