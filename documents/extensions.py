"""Hooks through which other apps add to document pages and the JSON API.

`documents` never imports `commitments`, `search` or `lineage`; they register here from
their `AppConfig.ready()`. Each hook receives the objects the page already loaded and
must do its own queries in bulk (one or two per page, never one per paragraph).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Panel:
    """A block of a page: `template` rendered with the dict `context(obj)` returns."""

    name: str
    template: str
    context: Callable[[Any], dict | None]  # None or {} hides the panel
    order: int = 100


paragraph_panels: list[Panel] = []
document_panels: list[Panel] = []
# name -> fn(paragraphs) returning {paragraph_pk: value}; the value lands under `name`
# in each paragraph's JSON.
paragraph_api_fields: dict[str, Callable[[list], dict[int, Any]]] = {}


def register_paragraph_panel(panel: Panel) -> None:
    _register(paragraph_panels, panel)


def register_document_panel(panel: Panel) -> None:
    _register(document_panels, panel)


def register_paragraph_api_field(name: str, fn: Callable[[list], dict[int, Any]]) -> None:
    paragraph_api_fields[name] = fn


def _register(panels: list[Panel], panel: Panel) -> None:
    panels[:] = [p for p in panels if p.name != panel.name] + [panel]
    panels.sort(key=lambda p: p.order)


def render_panels(panels: Iterable[Panel], obj, request=None) -> list[str]:
    """Each panel's HTML: its template rendered with its context dict as top-level names."""
    rendered = []
    for panel in panels:
        context = panel.context(obj)
        if context:
            rendered.append(render_to_string(panel.template, context, request=request))
    return rendered
