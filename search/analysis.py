"""How words become index terms, the same at indexing and at query time. Pure: no I/O.

One analyzer for the text field, its bi-words, titles and the highlighter: Whoosh's
`StemmingAnalyzer` with the Porter2 (Snowball English) stemmer, plus a spelling-variant
fold before stemming. The original Porter stemmer Whoosh uses by default is
inconsistent on UN wording: `penalize` -> "penal" but `penalized` -> "penaliz", so the
two words found different paragraphs. UN texts are in British spelling ("labour",
"organised", "programme"), searchers often type American: `fold` maps both to one form.

`VARIANTS` (whole words) and `IZE_ROOTS` (roots spelled -ise or -ize) are data: add a
row (and a test row in tests/search/test_analysis.py), then run `rebuild_search_index`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import Filter, StemmingAnalyzer
from whoosh.lang.porter2 import stem as porter2_stem

# British -> American forms of whole words (the stemmer then joins their inflections).
VARIANTS: dict[str, str] = {
    "labour": "labor",
    "labours": "labors",
    "laboured": "labored",
    "labouring": "laboring",
    "labourer": "laborer",
    "labourers": "laborers",
    "programme": "program",
    "programmes": "programs",
    "programmed": "programed",
    "centre": "center",
    "centres": "centers",
    "defence": "defense",
    "offence": "offense",
    "offences": "offenses",
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "favour": "favor",
    "favourable": "favorable",
    "honour": "honor",
    "endeavour": "endeavor",
    "endeavours": "endeavors",
    "neighbour": "neighbor",
    "neighbouring": "neighboring",
    "counselling": "counseling",
    "fulfil": "fulfill",
    "fulfils": "fulfills",
    "fulfilment": "fulfillment",
    "enrol": "enroll",
    "enrolment": "enrollment",
    "judgement": "judgment",
    "catalogue": "catalog",
}
# Roots whose -ise forms are the -ize forms in British spelling ("organise(d|s|r)",
# "penalising", "criminalisation"). Not every -ise word is one ("promise", "exercise",
# "expertise", "emphasis"), hence a list, not a rule on every word.
IZE_ROOTS: frozenset[str] = frozenset(
    {
        "apolog",
        "author",
        "capital",
        "categor",
        "central",
        "character",
        "civil",
        "criminal",
        "decentral",
        "decriminal",
        "democrat",
        "digital",
        "emphas",
        "final",
        "formal",
        "global",
        "harmon",
        "hospital",
        "immun",
        "institutional",
        "internal",
        "international",
        "legal",
        "legitim",
        "local",
        "mainstream",
        "marginal",
        "maxim",
        "memorial",
        "minim",
        "mobil",
        "modern",
        "neutral",
        "normal",
        "operational",
        "optim",
        "organ",
        "penal",
        "priorit",
        "rational",
        "real",
        "recogn",
        "revictim",
        "revital",
        "scrutin",
        "sensit",
        "social",
        "special",
        "stabil",
        "standard",
        "stigmat",
        "subsid",
        "summar",
        "symbol",
        "synchron",
        "urban",
        "util",
        "victim",
    }
)
_ISE = re.compile(r"^([a-z]+?)is(e|es|ed|ing|er|ers|ation|ations|ational)$")
# Every -isation word is an -ization word; only the verbs need the list above.
_ISATION = re.compile(r"isation(s?)$")


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """The American spelling of a lowercased word when it is a British variant."""
    if word in VARIANTS:
        return VARIANTS[word]
    match = _ISE.match(word)
    if match and match.group(1) in IZE_ROOTS:
        return f"{match.group(1)}iz{match.group(2)}"
    return _ISATION.sub(r"ization\1", word)


class VariantFilter(Filter):
    """Folds spelling variants (`fold`). A morphological filter, so Whoosh leaves it
    out (like the stemmer) when it collects the words of the spelling dictionary."""

    is_morph = True

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold(t.text)
            yield t


def stemming_analyzer():
    """Whoosh's StemmingAnalyzer (Porter2) with the variant fold before the stemmer."""
    tokenizer, lowercase, stop, stemmer = StemmingAnalyzer(stemfn=porter2_stem).items
    return tokenizer | lowercase | VariantFilter() | stop | stemmer
