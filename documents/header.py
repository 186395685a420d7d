"""Read a UN document's header: body, symbol, dates, session, agenda, number and title."""

from __future__ import annotations

import datetime as dt
import re

from .text_cleanup import DATE_RE, MARK_RE, MONTHS

SYMBOL = r"(?:A|E|S)(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?:\s\(\d{4}\))?"
_SYMBOL_LINE = re.compile(rf"^(?:United Nations\s+)?({SYMBOL})$")
_ADOPTED = re.compile(
    rf"\b(Resolution|Decision)s? adopted by the (.+?)\s+on (\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
_SC_ADOPTED = re.compile(
    rf"Adopted by the (Security Council) at its (\d+(?:st|nd|rd|th) meeting), on "
    rf"(\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
_REPORT = re.compile(rf"\[on the (?:report|recommendation) of .*?\(({SYMBOL})[^)]*\)\s*\]", re.S)
_DRAFT = re.compile(rf"\[without reference to a Main Committee \(({SYMBOL})\)\]")
_SESSION = re.compile(
    r"\b((?:Resumed |Special |Emergency special )?(?:[A-Z][a-z]+(?:-[a-z]+)?|\d{4}) session)\b"
)
_AGENDA = re.compile(r"\bAgenda items? ([^\n]+)")
_NUMBER_TITLE = re.compile(r"^(\d{1,4}/\d{1,4})\.\s*(.*)$")
_SC_NUMBER = re.compile(r"^Resolution (\d{3,5} \(\d{4}\))$")
_SPONSORED = re.compile(r":\s*(revised\s+)?draft (resolution|decision)\b", re.I)

BODY_PREFIX = {
    "A/HRC/": "Human Rights Council",
    "E/": "Economic and Social Council",
    "S/": "Security Council",
    "A/": "General Assembly",
}
KNOWN_BODIES = (
    "Economic and Social Council",
    "Human Rights Council",
    "Security Council",
    "General Assembly",
)

# Member States whose names contain "and": not split when reading sponsor lists.
COMPOUND_STATES = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Heard Island and McDonald Islands",
)


def parse_date(text: str) -> dt.date | None:
    m = DATE_RE.search(text)
    if not m:
        return None
    month = MONTHS.split("|").index(m.group(2)) + 1
    try:
        return dt.date(int(m.group(3)), month, int(m.group(1)))
    except ValueError:
        return None


def split_sponsors(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", MARK_RE.sub("", text)).strip().rstrip(",")
    protected = text
    for i, name in enumerate(COMPOUND_STATES):
        protected = protected.replace(name, f"\x00{i}\x00")
    names = []
    for chunk in re.split(r",\s*|\s+and\s+", protected):
        chunk = re.sub(r"\x00(\d+)\x00", lambda m: COMPOUND_STATES[int(m.group(1))], chunk)
        chunk = re.sub(r"^and\s+", "", chunk.strip())
        if chunk:
            names.append(chunk)
    return names


def _sponsors(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        m = _SPONSORED.search(line)
        if not m:
            continue
        parts = [line[: m.start()]]
        j = i - 1
        # Walk back over the wrapped lines of the list of States.
        while j >= 0 and (
            lines[j].rstrip().endswith(",")
            or (len(lines[j]) > 60 and not re.search(r"[.:;]$", lines[j]))
        ):
            parts.insert(0, lines[j])
            j -= 1
        text = " ".join(parts).strip()
        if text and not re.search(r"(?i)chair|president|submitted by", text):
            return split_sponsors(text)
    return []


_HEADER_LINE = re.compile(
    rf"^(United Nations|Distr\.|Original:|Agenda item|\[|Resolution adopted|Decision adopted"
    rf"|Adopted by|Resolution \d"
    rf"|on \d|{SYMBOL}$|.*\bsession\b|.*\bCommittee$|{'|'.join(KNOWN_BODIES)}"
    rf"|\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)


def _trailing_title(lines: list[str]) -> str:
    """Without a "72/195." line, the title is what follows the last header line."""
    tail: list[str] = []
    for line in reversed([ln.strip() for ln in lines if ln.strip()]):
        if _HEADER_LINE.match(line) or _SPONSORED.search(line) or line.endswith("]"):
            break
        tail.insert(0, line)
    if tail and len(tail) < len([ln for ln in lines if ln.strip()]) and len(tail) <= 3:
        return re.sub(r"\s+", " ", " ".join(tail))
    return ""


def read_header(lines: list[str]) -> dict:
    """Metadata found in the header lines (before the enacting formula)."""
    info: dict = {}
    joined = "\n".join(lines)
    flat = re.sub(r"\s+", " ", joined)

    for line in lines[:12]:
        m = _SYMBOL_LINE.match(line.strip())
        if m:
            info["symbol"] = m.group(1)
            break

    m = _ADOPTED.search(flat) or None
    sc = _SC_ADOPTED.search(flat)
    if m:
        info["adopted"] = parse_date(m.group(3))
        info["adopting_body"] = m.group(2).strip()
        info["decision"] = m.group(1) == "Decision"
    elif sc:
        info["adopted"] = parse_date(sc.group(3))
        info["adopting_body"] = sc.group(1)
        info["meeting"] = sc.group(2)

    m = re.search(r"Distr\.:\s*\w+\s+(\d{1,2} \w+ \d{4})", flat)
    if m:
        info["distributed"] = parse_date(m.group(1))
        info["limited"] = "Distr.: Limited" in flat

    m = _SESSION.search(flat)
    if m:
        info["session"] = m.group(1)
    m = _AGENDA.search(joined)
    if m:
        raw = re.split(r"\s{2,}|\[", m.group(1))[0]
        info["agenda_items"] = [
            re.sub(r"\s+", " ", item).strip() for item in re.findall(r"\d+(?:\s*\([a-z]\))?", raw)
        ]
    m = _REPORT.search(flat)
    if m:
        info["report"] = m.group(1)
    m = _DRAFT.search(flat)
    if m:
        info["draft"] = m.group(1)

    for i, line in enumerate(lines):
        m = _NUMBER_TITLE.match(line.strip())
        sc_number = _SC_NUMBER.match(line.strip())
        if sc_number:
            info["resolution_number"] = sc_number.group(1)
        if m:
            info["resolution_number"] = m.group(1)
            title_lines = [m.group(2)] if m.group(2) else []
            title_lines += [ln.strip() for ln in lines[i + 1 :] if ln.strip()]
            info["title"] = re.sub(r"\s+", " ", " ".join(title_lines)).strip()
            break

    if "title" not in info:
        title = _trailing_title(lines)
        if title:
            info["title"] = title

    sponsors = _sponsors(lines)
    if sponsors:
        info["sponsors"] = sponsors
    if _SPONSORED.search(flat) or re.search(r"\bdraft resolution\b", flat, re.I):
        info["draft_resolution"] = True
        if "title" not in info:
            m = _SPONSORED.search(joined)
            after = joined[m.end() :] if m else ""
            title = [ln.strip() for ln in after.split("\n") if ln.strip()]
            if title:
                info["title"] = " ".join(title)

    if re.search(r"THE\s+PRESIDENT\s+OF\s+THE\s+GENERAL\s+ASSEMBLY", flat, re.I):
        info["body"] = "President of the General Assembly"
        info["letter"] = True
        info["distributed"] = parse_date(flat)
    elif info.get("adopting_body") in KNOWN_BODIES:
        info["body"] = info["adopting_body"]
    else:
        symbol = info.get("symbol", "")
        for prefix, body in BODY_PREFIX.items():
            if symbol.startswith(prefix):
                info["body"] = body
                break
        else:
            for body in KNOWN_BODIES:
                if re.search(rf"^\W*{body}\W*$", joined, re.M):
                    info["body"] = body
                    break
    return info
