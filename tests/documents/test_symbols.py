import pytest

from documents.symbols import normalize_symbol, resolution_symbol, slugify_symbol, symbol_candidates


@pytest.mark.parametrize(
    ("symbol", "slug"),
    [
        ("A/RES/72/195", "a-res-72-195"),
        ("S/RES/2331 (2016)", "s-res-2331-2016"),
        ("E/RES/2017/18", "e-res-2017-18"),
        ("A/C.3/70/L.38/Rev.1", "a-c-3-70-l-38-rev-1"),
        ("A/HRC/RES/44/4", "a-hrc-res-44-4"),
    ],
)
def test_slugify_symbol(symbol, slug):
    assert slugify_symbol(symbol) == slug


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("a/res/72/195 ", "A/RES/72/195"),
        ("A / RES / 72/195", "A/RES/72/195"),
        ("s/res/2331  (2016)", "S/RES/2331 (2016)"),
    ],
)
def test_normalize_symbol(raw, normal):
    assert normalize_symbol(raw) == normal


@pytest.mark.parametrize(
    ("text", "expected_first"),
    [
        ("A/RES/72/195", "A/RES/72/195"),
        ("a/res/72/195", "A/RES/72/195"),
        ("a-res-72-195", "A/RES/72/195"),
        ("72/195", "72/195"),
    ],
)
def test_symbol_candidates(text, expected_first):
    candidates = symbol_candidates(text)
    assert candidates[0] == expected_first
    assert "A/RES/72/195" in candidates


@pytest.mark.parametrize(
    ("body", "number", "symbol"),
    [
        ("General Assembly", "71/319", "A/RES/71/319"),
        ("Economic and Social Council", "2017/18", "E/RES/2017/18"),
        ("Human Rights Council", "44/4", "A/HRC/RES/44/4"),
        ("President of the General Assembly", "71/319", ""),
        ("General Assembly", "", ""),
    ],
)
def test_resolution_symbol(body, number, symbol):
    assert resolution_symbol(body, number) == symbol
