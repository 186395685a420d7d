"""Find references to other UN documents and give them canonical symbols.

"resolution 70/179" in a General Assembly text -> "A/RES/70/179";
"Economic and Social Council resolution 2017/18" -> "E/RES/2017/18";
"Human Rights Council resolution 32/3" -> "A/HRC/RES/32/3";
"Security Council resolution 2331 (2016)" -> "S/RES/2331 (2016)";
bare symbols ("A/71/119", "E/CN.15/2017/L.3") as printed.
"""

from __future__ import annotations

import re

from .text_cleanup import MONTHS

# Issuing body named before "resolution(s)/decision(s)" -> symbol prefix for each.
_ISSUERS = {
    "general assembly": ("A/RES/", "A/DEC/"),
    "assembly": ("A/RES/", "A/DEC/"),
    "economic and social council": ("E/RES/", "E/DEC/"),
    "human rights council": ("A/HRC/RES/", "A/HRC/DEC/"),
    "security council": ("S/RES/", None),
    "commission on human rights": ("E/CN.4/RES/", "E/CN.4/DEC/"),
}
_BODY_OF_COUNCIL = {
    "Economic and Social Council": "economic and social council",
    "Human Rights Council": "human rights council",
    "Security Council": "security council",
}

_ITEM = r"(?:\d{1,4}/\d{1,4}|\d{3,5} \(\d{4}\))"
_DATE = rf"(?: of \d{{1,2}} (?:{MONTHS}) \d{{4}})?"
_CITED = re.compile(
    r"(?:(?P<issuer>General Assembly|Economic and Social Council|Human Rights Council"
    r"|Security Council|Commission on Human Rights|Assembly|Council)\s+)?"
    r"(?P<what>[Rr]esolutions?|[Dd]ecisions?)\s+"
    rf"(?P<items>{_ITEM}{_DATE}(?:(?:,\s*|,?\s+and\s+){_ITEM}{_DATE})*)"
)
_SYMBOL = re.compile(
    r"(?<![\w/.])(?:A|E|S|ST|CTOC|CEDAW|CRC|CCPR|UNEP|TD|DP|HRC)"
    r"(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+(?:\s\(\d{4}\))?"
)


def _prefix(issuer: str, what: str, item: str, doc_body: str) -> str | None:
    decision = what.lower().startswith("decision")
    issuer = issuer.lower()
    if issuer == "council":
        issuer = _BODY_OF_COUNCIL.get(doc_body, "")
        if not issuer:
            issuer = "economic and social council" if re.match(r"\d{4}/", item) else ""
    if issuer == "assembly" and doc_body not in ("General Assembly", ""):
        issuer = "general assembly"
    if not issuer:
        if decision:
            return None  # decisions of unnamed bodies (e.g. a Conference of the Parties)
        if re.fullmatch(r"\d{3,5} \(\d{4}\)", item):
            issuer = "security council"
        elif re.match(r"(19|20)\d\d/", item):
            issuer = "economic and social council"
        elif doc_body == "Human Rights Council":
            issuer = "human rights council"
        else:
            issuer = "general assembly"
    res, dec = _ISSUERS.get(issuer, (None, None))
    return dec if decision else res


def find_references(text: str, doc_body: str) -> list[tuple[str, str]]:
    """(canonical symbol, text as printed) for each reference, in order of appearance."""
    found: list[tuple[str, str]] = []
    for m in _CITED.finditer(text):
        issuer = m.group("issuer") or ""
        for item_m in re.finditer(_ITEM, m.group("items")):
            item = item_m.group(0)
            prefix = _prefix(issuer, m.group("what"), item, doc_body)
            if prefix is None:
                continue
            label = f"{issuer} {m.group('what')} {item}".strip()
            found.append((prefix + item, label))
    for m in _SYMBOL.finditer(text):
        symbol = m.group(0).rstrip(".")
        if not re.search(r"\d", symbol):
            continue
        found.append((symbol, symbol))
    return found
