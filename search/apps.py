import logging

from django.apps import AppConfig

logger = logging.getLogger(__name__)


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from documents.extensions import Panel, register_paragraph_panel

        register_paragraph_panel(
            Panel("more-like-this", "search/panels/more_like_this.html", more_like_this, 80)
        )


def more_like_this(paragraph) -> dict | None:
    """Context of the paragraph page's "similar paragraphs" panel; hidden on any failure."""
    from .backend import IndexUnavailable
    from .selectors import paragraphs_like

    try:
        similar = paragraphs_like(paragraph)
    except IndexUnavailable:
        logger.warning("More like this: search index unavailable")
        return None
    return {"similar": similar, "paragraph": paragraph} if similar else None
