"""The real corpus chains, loaded with `load_corpus` (lineage follows the import signal)."""

import pytest
from django.core.management import call_command

from documents.models import Paragraph
from lineage.models import ParagraphLink, Series
from lineage.selectors import document_comparison

LETTER = "pga-letter-2017-07-21-draft-political-declaration"


@pytest.fixture
def corpus(db):
    call_command("load_corpus", verbosity=0)


def test_corpus_chains(corpus):
    """One load of the corpus (it is slow to import) for every chain of the issue."""
    _declaration_chain_letter_to_71_319_to_72_1()
    _paragraph_15_gains_interpol()
    _2015_draft_matches_70_179()
    _series_70_179_and_72_195()


def _counterpart(slug, anchor, other_slug):
    link = (
        ParagraphLink.objects.filter(
            paragraph__document__slug=slug,
            paragraph__anchor=anchor,
            counterpart__document__slug=other_slug,
        )
        .select_related("counterpart")
        .first()
    )
    return link.counterpart.anchor if link else None


def _declaration_chain_letter_to_71_319_to_72_1():
    anchors = list(
        Paragraph.objects.filter(document__slug=LETTER, anchor__regex=r"^annex-[0-9]+$")
        .order_by("position")
        .values_list("anchor", flat=True)
    )
    assert len(anchors) == 26
    for anchor in anchors:
        assert _counterpart(LETTER, anchor, "a-res-71-319") == anchor
        assert _counterpart(LETTER, anchor, "a-res-72-1") == anchor
        assert _counterpart("a-res-71-319", anchor, "a-res-72-1") == anchor


def _paragraph_15_gains_interpol():
    comparison = document_comparison(
        *[
            row.document
            for row in Paragraph.objects.filter(
                document__slug__in=[LETTER, "a-res-71-319"], anchor="annex-15"
            )
            .select_related("document")
            .order_by("document__distributed")
        ]
    )
    row = next(r for r in comparison.rows if r.b and r.b.anchor == "annex-15")
    assert row.a.anchor == "annex-15"
    assert row.status == "changed"
    inserted = " ".join(s.text for s in row.diff if s.op == "insert")
    assert "Criminal" in inserted and "(INTERPOL)" in inserted


def _2015_draft_matches_70_179():
    draft = "draft-a-c-3-70-2015-improving-coordination"
    operative = Paragraph.objects.filter(
        document__slug=draft, kind="operative", parent__isnull=True
    ).values_list("anchor", flat=True)
    matched = [a for a in operative if _counterpart(draft, a, "a-res-70-179")]
    assert len(matched) >= len(operative) - 2  # two draft paragraphs were dropped on adoption
    assert _counterpart(draft, "op-1", "a-res-70-179") == "op-1"


def _series_70_179_and_72_195():
    series = Series.objects.get(members__document__slug="a-res-72-195")
    assert set(series.members.values_list("document__slug", flat=True)) == {
        "a-res-70-179",
        "a-res-72-195",
    }
