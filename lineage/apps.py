from django.apps import AppConfig


class LineageConfig(AppConfig):
    name = "lineage"
    verbose_name = "Agreed language"

    def ready(self) -> None:
        from documents.extensions import (
            Panel,
            register_document_panel,
            register_paragraph_api_field,
            register_paragraph_panel,
        )
        from documents.signals import document_changed, document_imported

        from . import panels, receivers

        document_imported.connect(
            receivers.update_lineage_on_import, dispatch_uid="lineage_update_on_import"
        )
        document_changed.connect(
            receivers.update_lineage_on_import, dispatch_uid="lineage_update_on_edit"
        )
        register_paragraph_panel(
            Panel("lineage", "lineage/panels/paragraph.html", panels.paragraph_panel, order=50)
        )
        register_document_panel(
            Panel("lineage", "lineage/panels/document.html", panels.document_panel, order=50)
        )
        register_paragraph_api_field("counterparts", panels.counterparts_api_field)
