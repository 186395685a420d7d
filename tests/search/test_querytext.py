"""The query cleaner (pure): unsupported syntax becomes plain words, with a note."""

import pytest

from search.querytext import clean_query


@pytest.mark.parametrize(
    ("raw", "text", "note"),
    [
        ("victims^3", "victims", "Boosts"),
        ("victims^0.5 data", "victims data", "Boosts"),
        ("victims~2", "victims", "fuzzy"),
        ("[a TO z]", "a z", "Ranges"),
        ("text:[2010 TO 2015]", "2010 2015", "Ranges"),
        ("{migrants TO refugees}", "migrants refugees", "Ranges"),
        ("foo:bar victims", "bar victims", "Unknown field(s) foo"),
        ("title:coordination", "title:coordination", None),
        ('title:"supply chains" data', 'title:"supply chains" data', None),
        ("symbol:A/RES/72/195", "symbol:A/RES/72/195", None),
        ("victims", "victims", None),
    ],
)
def test_unsupported_syntax_is_plain_words_with_a_note(raw, text, note):
    cleaned = clean_query(raw)
    assert cleaned.text == text
    if note is None:
        assert cleaned.notes == []
    else:
        assert len(cleaned.notes) == 1 and note in cleaned.notes[0]


@pytest.mark.parametrize(
    ("page", "last", "window"),
    [
        (1, 21, [1, 2, 3, None, 21]),
        (10, 21, [1, None, 8, 9, 10, 11, 12, None, 21]),
        (4, 21, [1, 2, 3, 4, 5, 6, None, 21]),
        (5, 21, [1, 2, 3, 4, 5, 6, 7, None, 21]),  # a gap of one page shows the page
        (21, 21, [1, None, 19, 20, 21]),
        (1, 1, [1]),
        (2, 5, [1, 2, 3, 4, 5]),
    ],
)
def test_page_window_has_ellipses(page, last, window):
    from search.views import _page_window

    assert _page_window(page, range(1, last + 1)) == window
