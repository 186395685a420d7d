"""Lineage computed for the corpus and for one document, on import, and series."""

import pytest
from django.core.management import CommandError, call_command

from documents.models import Document, DocumentRelation, Paragraph
from documents.signals import document_imported
from documents.vocabulary import Relation
from lineage.models import ParagraphLink, ParagraphShingle, Series
from lineage.services import lineage_rebuild, lineage_update_document, series_rebuild
from tests.factories import make_document, make_paragraph


def _links(document, anchor):
    paragraph = Paragraph.objects.get(document=document, anchor=anchor)
    return {
        (link.counterpart.document.slug, link.counterpart.anchor): link.similarity
        for link in ParagraphLink.objects.filter(paragraph=paragraph).select_related(
            "counterpart__document"
        )
    }


def _all_links():
    return set(ParagraphLink.objects.values_list("paragraph_id", "counterpart_id", "similarity"))


@pytest.mark.parametrize(
    ("anchor", "similarity"),
    [("annex-1", "identical"), ("annex-2", "identical"), ("annex-3", "minor")],
)
def test_declaration_paragraphs_link_to_the_same_numbered_paragraph(linked, anchor, similarity):
    links = _links(linked["letter"], anchor)
    assert links == {
        ("a-res-71-319", anchor): similarity,
        ("a-res-72-1", anchor): similarity,
    }


def test_draft_operative_paragraphs_link_to_the_adopted_resolution(linked):
    for n in (1, 2, 3):
        links = _links(linked["draft"], f"op-{n}")
        assert links[("a-res-70-179", f"op-{n}")] == "identical"


def test_changed_and_new_paragraphs_across_the_series(linked):
    assert _links(linked["72/195"], "op-2")[("a-res-70-179", "op-2")] == "minor"
    # A new paragraph has no counterpart anywhere.
    assert _links(linked["72/195"], "op-3") == {}


def test_unrelated_paragraphs_are_not_linked(linked):
    assert _links(linked["letter"], "p-1") == {}


def test_updating_one_document_gives_the_same_links_as_a_rebuild(linked):
    expected = _all_links()
    ParagraphLink.objects.filter(paragraph__document=linked["72/1"]).delete()
    ParagraphLink.objects.filter(counterpart__document=linked["72/1"]).delete()
    ParagraphShingle.objects.filter(paragraph__document=linked["72/1"]).delete()
    stats = lineage_update_document(document=linked["72/1"])
    assert stats.links > 0
    assert _all_links() == expected


def test_editing_a_paragraph_updates_links_in_both_directions(linked):
    paragraph = Paragraph.objects.get(document=linked["72/1"], anchor="annex-3")
    paragraph.text = "We will establish a completely different arrangement for follow-up."
    paragraph.save()
    lineage_update_document(document=linked["72/1"])
    assert _links(linked["72/1"], "annex-3") == {}
    assert ("a-res-72-1", "annex-3") not in _links(linked["71/319"], "annex-3")


def test_import_signal_links_a_new_document(linked):
    document = make_document(symbol="A/RES/76/7", title="76/7. Political declaration 2021")
    make_paragraph(document, text=linked["72/1"].paragraphs.get(anchor="annex-2").text)
    document_imported.send(
        sender=Document,
        document=document,
        created=True,
        changed_paragraph_ids=list(document.paragraphs.values_list("pk", flat=True)),
    )
    links = _links(document, "op-1")
    assert links[("a-res-72-1", "annex-2")] == "identical"
    assert ("a-res-76-7", "op-1") in _links(linked["72/1"], "annex-2")


def test_series_group_resolutions_with_the_same_title_not_drafts(linked):
    series = Series.objects.get()
    members = set(series.members.values_list("document__slug", flat=True))
    assert members == {"a-res-70-179", "a-res-72-195"}
    assert series.title == "Improving the coordination of efforts against trafficking in persons"


def test_series_keep_their_slug_and_follow_curated_links(linked):
    slug = Series.objects.get().slug
    renamed = make_document(symbol="A/RES/74/176", title="74/176. Coordination against trafficking")
    assert series_rebuild() == 1
    DocumentRelation.objects.create(
        source=linked["72/195"],
        target=renamed,
        target_symbol=renamed.symbol_key,
        relation=Relation.PREVIOUS_IN_SERIES,
        curated=True,
    )
    series_rebuild()
    series = Series.objects.get()
    assert series.slug == slug
    assert series.members.count() == 3


def test_link_paragraphs_command(chain, capsys):
    call_command("link_paragraphs", "--dry-run")
    assert "Would link" in capsys.readouterr().out
    assert not ParagraphLink.objects.exists()
    call_command("link_paragraphs")
    assert "Linked the corpus" in capsys.readouterr().out
    assert ParagraphLink.objects.exists()
    call_command("link_paragraphs", "--document", "a-res-72-1")
    assert "Linked a-res-72-1" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No document"):
        call_command("link_paragraphs", "--document", "nope")


def test_rebuild_is_idempotent(linked):
    before = _all_links()
    lineage_rebuild()
    assert _all_links() == before
