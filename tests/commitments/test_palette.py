"""The matrix heatmap's palette meets WCAG AA: every cell's text on its background >= 4.5:1."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from commitments.templatetags.commitments_tags import heat_level

CSS = Path(settings.BASE_DIR) / "static" / "css" / "commitments.css"
LEVELS = range(0, 5)  # heat_level's range


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#0b5cad", "#9ac0e3", 3.50),  # the old mid-shade cell QA reported
        ("#777777", "#ffffff", 4.48),
    ],
)
def test_contrast_formula(a, b, expected):
    assert contrast(a, b) == pytest.approx(expected, abs=0.01)


def palette() -> dict[int, dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    for level, part, colour in re.findall(
        r"--heat-(\d)-(bg|fg):\s*(#[0-9a-fA-F]{6})\b", CSS.read_text()
    ):
        found.setdefault(int(level), {})[part] = colour.lower()
    return found


def test_every_level_is_defined_and_used():
    css = CSS.read_text()
    assert set(palette()) == set(LEVELS)
    assert {heat_level(n, 40) for n in range(0, 41)} == set(LEVELS)
    for level in LEVELS:
        rule = re.search(rf"\.heat--{level}\s*{{([^}}]*)}}", css).group(1)
        assert f"var(--heat-{level}-bg)" in rule and f"var(--heat-{level}-fg)" in rule
    # links take the cell's colour, not the site's blue
    assert re.search(r"\.matrix td\.heat a[^{]*{\s*color:\s*inherit", css)


@pytest.mark.parametrize("level", LEVELS)
def test_each_cell_meets_aa(level):
    colours = palette()[level]
    assert contrast(colours["fg"], colours["bg"]) >= 4.5, colours


def test_darker_levels_are_darker_and_dark_cells_have_white_text():
    colours = palette()
    backgrounds = [luminance(colours[level]["bg"]) for level in LEVELS]
    assert backgrounds == sorted(backgrounds, reverse=True)
    for level in LEVELS:
        if luminance(colours[level]["bg"]) < 0.18:
            assert colours[level]["fg"] == "#ffffff"
