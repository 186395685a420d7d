"""Turning what a searcher typed into a query the engine runs safely. Pure: no I/O.

Accepted: words, "exact phrases", AND / OR / NOT, -word, prefix* (three letters at
least), parentheses, `symbol:A/RES/55/25` and `title:word` (the document's title, which
a plain query does not search). Everything that is expensive or
meaningless (leading wildcards, ranges, boosts, fuzziness, unknown fields, unbalanced
quotes or parentheses, dangling operators) is repaired, and a note says what changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_LENGTH = 500
MAX_TERMS = 32  # words and phrases; operators do not count
MIN_PREFIX = 3
SEARCHABLE_FIELDS = {"symbol", "text", "title"}
_SYMBOL = re.compile(r"^[A-Z]{1,4}(?:/[A-Za-z0-9.\-]+){2,}$")
_TOKEN = re.compile(r'[A-Za-z_]+:"[^"]*"|"[^"]*"|\S+')
_OPERATOR = {"AND", "OR", "NOT"}
_RANGE = re.compile(r"(?:\b[A-Za-z_]+:)?[\[{]\s*(\S*)\s+TO\s+(\S*?)\s*[\]}]")
_BOOST = re.compile(r"(?<=\S)[\^~][0-9]*(?:\.[0-9]+)?(?=\s|\)|$)")


@dataclass
class CleanQuery:
    text: str
    notes: list[str] = field(default_factory=list)
    # False when wildcards were dropped: what is left ("ing" of `*ing`) is no misspelling.
    spellable: bool = True


def clean_query(raw: str) -> CleanQuery:
    notes: list[str] = []
    text = " ".join((raw or "").split())
    if len(text) > MAX_LENGTH:
        text = text[:MAX_LENGTH].rsplit(" ", 1)[0]
        notes.append(f"Your query was shortened to its first {MAX_LENGTH} characters.")
    text, changed = _RANGE.subn(r" \1 \2 ", text)
    if changed:
        notes.append("Ranges ([a TO z]) are not supported; their ends were searched as words.")
    text, changed = _BOOST.subn(" ", text)
    if changed:
        notes.append("Boosts (word^3) and fuzzy matches (word~) are not supported; ignored.")
    text = re.sub(r"[\[\]{}^~\\]", " ", text)
    if text.count('"') % 2:
        text = _drop_last(text, '"')
        notes.append("An unmatched quotation mark was ignored.")
    if text.count("(") != text.count(")"):
        text = text.replace("(", " ").replace(")", " ")
        notes.append("Unbalanced parentheses were ignored.")

    tokens: list[str] = []
    wildcard_note = False
    unknown_fields: list[str] = []
    for token in _TOKEN.findall(text):
        if token.startswith('"'):
            if token.strip('"').strip():
                tokens.append(token)
            continue
        negate = token.startswith("-") and len(token) > 1
        if negate:
            token = token[1:]
        field_name = _unknown_field(token)
        if field_name:
            unknown_fields.append(field_name)
        token, changed = _clean_word(token)
        wildcard_note |= changed
        if not token:
            continue
        if negate:
            tokens.extend(["NOT", token])
        else:
            tokens.append(token)
    if wildcard_note:
        notes.append(
            f"Wildcards work only at the end of a word with at least {MIN_PREFIX} letters "
            "before them (traffick*); other wildcards were ignored."
        )
    if unknown_fields:
        names = ", ".join(dict.fromkeys(unknown_fields))
        notes.append(
            f"Unknown field(s) {names}: searched as plain words (fields: symbol:, title:)."
        )
    tokens = _trim_operators(tokens)
    spellable = not wildcard_note
    terms = [i for i, t in enumerate(tokens) if t not in _OPERATOR]
    if len(terms) > MAX_TERMS:
        tokens = _trim_operators(tokens[: terms[MAX_TERMS]])
        cut = " ".join(tokens)
        if cut.count("(") != cut.count(")"):
            tokens = [t.replace("(", "").replace(")", "") for t in tokens]
        notes.append(f"Only the first {MAX_TERMS} words of your query were used.")
    return CleanQuery(" ".join(tokens), notes, spellable)


def _unknown_field(token: str) -> str:
    prefix, sep, rest = token.partition(":")
    name = prefix.lower()
    if sep and rest and re.fullmatch(r"[a-z_]+", name) and name not in SEARCHABLE_FIELDS:
        return name
    return ""


def _clean_word(token: str) -> tuple[str, bool]:
    """One unquoted token: fields whitelisted, wildcards only as a real prefix."""
    prefix, sep, rest = token.partition(":")
    if sep and rest and not prefix.startswith("("):
        name = prefix.lower()
        if name == "symbol" and rest:
            return f"symbol:{rest.strip('()')}", False
        if name not in SEARCHABLE_FIELDS:
            token = rest
        else:
            token = f"{name}:{rest}"
    if _SYMBOL.match(token):
        return f'(symbol:{token} OR "{token}")', False
    changed = False
    if "*" in token or "?" in token:
        stem = token.rstrip("*")
        core = stem.lstrip("(").rstrip(")")
        if "*" in stem or "?" in stem or len(re.sub(r"\W", "", core)) < MIN_PREFIX or stem == token:
            token = re.sub(r"[*?]", "", token)
            changed = True
        else:
            token = stem + "*"
    token = token.replace(":", " ") if token.count(":") > 1 else token
    return token.strip(), changed


def _trim_operators(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if token in _OPERATOR and (not out or out[-1] in _OPERATOR):
            if token == "NOT" and (not out or out[-1] in {"AND", "OR"}):
                out.append(token)
            continue
        out.append(token)
    while out and out[-1] in _OPERATOR:
        out.pop()
    while out and out[0] in {"AND", "OR"}:
        out.pop(0)
    if out and all(t in _OPERATOR for t in out):
        return []
    return out


def _drop_last(text: str, char: str) -> str:
    i = text.rfind(char)
    return text[:i] + text[i + 1 :]
