from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = "Actors and commitments"

    def ready(self):
        from documents import extensions
        from documents.signals import document_changed, document_imported

        from . import integration, services

        document_imported.connect(services.on_document_imported, dispatch_uid="commitments-tag")
        document_changed.connect(services.on_document_imported, dispatch_uid="commitments-retag")
        extensions.register_paragraph_panel(
            extensions.Panel(
                "commitments", "commitments/panels/paragraph.html", integration.paragraph_panel, 50
            )
        )
        extensions.register_document_panel(
            extensions.Panel(
                "sponsors", "commitments/panels/sponsors.html", integration.sponsors_panel, 20
            )
        )
        extensions.register_paragraph_api_field("commitments", integration.api_commitments)
        extensions.register_paragraph_api_field("mentions", integration.api_mentions)
        extensions.register_paragraph_api_field("commitment_review", integration.api_review)
        try:
            from search.registry import register_paragraph_facet_provider
        except ImportError:  # the search app is optional
            return
        register_paragraph_facet_provider("commitments", integration.search_facets)
        try:  # labels for the values (slugs); the search app has no such hook yet
            from search.registry import register_facet_label_provider
        except ImportError:
            return
        register_facet_label_provider("commitments", integration.search_facet_labels)
