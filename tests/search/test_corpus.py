"""Search on the real corpus (fixtures/corpus): relevance and word forms users rely on."""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from documents.models import Paragraph
from search.params import parse_params
from search.selectors import paragraph_search

pytestmark = pytest.mark.django_db


class Q(dict):
    def getlist(self, key):
        value = self.get(key)
        return value if isinstance(value, list) else ([value] if value else [])


def run(**params):
    return paragraph_search(parse_params(Q(params)))


@pytest.fixture
def corpus(drain):
    call_command("load_corpus", stdout=StringIO())
    drain()


def _not_penalized():
    return set(
        Paragraph.objects.filter(
            text__icontains="penalized for having been trafficked"
        ).values_list("pk", flat=True)
    )


def test_corpus_search(corpus):
    """One corpus load, many checks (each a row; all failures reported together)."""
    failures = []

    def check(name, ok):
        if not ok:
            failures.append(name)

    # 1. The title is not text: a word of A/RES/72/195's title ("Improving the
    # coordination of efforts against trafficking in persons") does not match every
    # paragraph of it; `title:` searches titles.
    in_7295 = Paragraph.objects.filter(document__symbol="A/RES/72/195")
    with_word = in_7295.filter(text__icontains="coordinat").count()  # any form
    outcome = run(q="coordination", document="a-res-72-195")
    check("coordination: only paragraphs with the word", outcome.total == with_word < 62)
    top = run(q="improving").hits[0].paragraph.text.lower()
    check("improving: top hit has the word", "improv" in top)
    titled = run(q="title:coordination", document="a-res-72-195").total
    check("title:coordination finds the whole document", titled == in_7295.count())

    # The paragraphs saying victims "are not penalized for having been trafficked"
    # come first for these queries.
    wanted = _not_penalized()
    for q in ("non-punishment of victims", "victims are not penalized"):
        hits = run(q=q).hits
        check(f"{q}: first hits", {h.paragraph.pk for h in hits[: len(wanted)]} == wanted)
        # 3. and their snippets show the wording, not just the paragraph's start
        check(
            f"{q}: snippets show it",
            all("penalized</mark>" in h.snippet for h in hits[: len(wanted)]),
        )

    # 2. Word forms and spellings find the same paragraphs.
    for same in (
        ("penalize", "penalized", "penalise"),
        ("labour", "labor"),
        ("organized", "organised"),
    ):
        found = [{h.paragraph.pk for h in run(q=w).hits} for w in same]
        check(f"{same}: same hits", all(f == found[0] for f in found) and found[0])

    # 7. Every example of the page's search tips finds paragraphs.
    page = Client().get(reverse("search:search")).content.decode()
    tips = page[page.index('id="search-help"') :]
    tips = tips[: tips.index("</details>")]
    examples = [
        html.unescape(c)
        for dt in re.findall(r"<dt>(.*?)</dt>", tips)
        for c in re.findall(r"<code>(.*?)</code>", dt)
    ]
    check("tips have examples", len(examples) >= 6)
    for example in examples:
        outcome = run(q=example)
        check(f"tip {example!r}: {outcome.total} hits", outcome.total > 0 and not outcome.notes)

    for q in ("*ing", "labour OR labor"):  # "Did you mean into", "labour OR labour"
        check(f"{q}: no suggestion", run(q=q).suggestion is None)

    assert not failures, failures
