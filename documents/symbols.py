"""Document symbols and permalink slugs: pure helpers shared by models, importer and views."""

import re

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def slugify_symbol(symbol: str) -> str:
    """The permalink key of a symbol: lower-case, each run of other characters to one "-".

    >>> slugify_symbol("S/RES/2331 (2016)")
    's-res-2331-2016'
    """
    return _NON_ALNUM.sub("-", symbol.lower()).strip("-")


def normalize_symbol(symbol: str) -> str:
    """A canonical form for comparing symbols: upper-case, single spaces, no stray spaces
    around slashes. "a/res/72/195 " and "A / RES / 72/195" compare equal."""
    symbol = _SPACES.sub(" ", symbol.strip().upper())
    return re.sub(r"\s*/\s*", "/", symbol)


def symbol_candidates(text: str) -> list[str]:
    """Canonical symbols a user may mean by `text` ("72/195", "a-res-72-195", "A/RES/72/195").

    Used by the /symbol/ redirector: the first candidate that names a document wins.
    """
    raw = normalize_symbol(text.replace("-", "/") if "/" not in text else text)
    candidates = [raw]
    if re.fullmatch(r"\d{2,3}/\d+", raw):
        candidates.append(f"A/RES/{raw}")
    if re.fullmatch(r"(19|20)\d\d/\d+", raw):
        candidates.append(f"E/RES/{raw}")
    if not raw.startswith(("A/", "E/", "S/")):
        candidates.append(f"A/RES/{raw}")
    return list(dict.fromkeys(candidates))


# The symbol prefix of each body's resolutions, used to name a resolution whose extraction
# prints only its number ("71/319"): the symbol follows from the body by the UN's own rules.
RESOLUTION_SYMBOL_PREFIX = {
    "General Assembly": "A/RES/",
    "Economic and Social Council": "E/RES/",
    "Human Rights Council": "A/HRC/RES/",
    "Security Council": "S/RES/",
}


def resolution_symbol(body: str, resolution_number: str) -> str:
    """The symbol of a body's resolution from its number, or "" when the body has no rule."""
    prefix = RESOLUTION_SYMBOL_PREFIX.get(body)
    if not prefix or not resolution_number:
        return ""
    return f"{prefix}{resolution_number}"
