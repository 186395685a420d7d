"""The importer's writes: one transaction, identities kept, permalinks never broken."""

import pytest

from documents.models import Document, DocumentRelation, Paragraph, ParagraphRedirect
from documents.parsing import DocumentParseError
from documents.services import document_import
from tests.documents.samples import RESOLUTION, edited

pytestmark = pytest.mark.django_db


def test_import_creates_document_paragraphs_and_relations():
    result = document_import(text=RESOLUTION, publish=True)
    document = result.document
    assert result.created
    assert document.symbol == "A/RES/75/999"
    assert document.slug == "a-res-75-999"
    assert document.is_published
    anchors = list(document.paragraphs.values_list("anchor", flat=True))
    assert anchors == ["pp-1", "pp-2", "op-1", "op-2", "op-3"]
    relation = DocumentRelation.objects.get(source=document, target_symbol="A/RES/72/195")
    assert relation.target is None  # not in the corpus yet: kept, unresolved


def test_unresolved_reference_links_itself_when_target_arrives():
    source = document_import(text=RESOLUTION, publish=True).document
    assert DocumentRelation.objects.get(source=source).target is None
    target_text = RESOLUTION.replace("75/999", "72/195").replace(
        "resolution 72/195", "resolution 70/179"
    )
    target = document_import(text=target_text, publish=True).document
    assert target.symbol == "A/RES/72/195"
    relation = DocumentRelation.objects.get(source=source, target_symbol="A/RES/72/195")
    assert relation.target_id == target.pk


def test_reimport_of_same_text_changes_nothing():
    first = document_import(text=RESOLUTION, publish=True)
    ids = list(first.document.paragraphs.values_list("pk", flat=True))
    updated = Document.objects.get().updated
    second = document_import(text=RESOLUTION)
    assert second.skipped
    assert list(second.document.paragraphs.values_list("pk", flat=True)) == ids
    assert Document.objects.get().updated == updated


def test_reimport_keeps_identities_and_redirects_moved_anchors():
    first = document_import(text=RESOLUTION, publish=True).document
    before = {p.text: p.pk for p in first.paragraphs.all()}
    # A new operative paragraph 1 pushes the others down; paragraph 3 is edited.
    text = edited(
        RESOLUTION,
        "1. Urges Member States",
        "1. Welcomes the work of the Inter-Agency Coordination Group;\n2. Urges Member States",
    )
    text = edited(text, "2. Requests the Secretary-General", "3. Requests the Secretary-General")
    text = edited(
        text,
        "3. Decides to remain seized of the matter.",
        "4. Decides to remain actively seized of the matter.",
    )
    result = document_import(text=text)
    document = result.document
    assert not result.created
    urges = Paragraph.objects.get(document=document, lead="Urges")
    assert urges.anchor == "op-2"
    assert urges.pk == before[urges.text]  # moved, same identity
    decides = Paragraph.objects.get(document=document, anchor="op-4")
    assert decides.text.startswith("Decides to remain actively")
    # op-1 is a new paragraph; the old op-1 (Urges) now lives at op-2
    assert Paragraph.objects.get(document=document, anchor="op-1").pk not in before.values()
    assert ("op-1", "op-2") in result.moved
    assert ("op-2", "op-3") in result.moved


def test_removed_paragraph_leaves_a_gone_record():
    document = document_import(text=RESOLUTION, publish=True).document
    text = edited(RESOLUTION, "3. Decides to remain seized of the matter.\n", "")
    text = edited(text, "seventy-seventh session;", "seventy-seventh session.")
    document_import(text=text)
    gone = ParagraphRedirect.objects.get(document=document, old_anchor="op-3")
    assert gone.paragraph is None
    assert "remain seized" in gone.removed_text


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "Dear colleague, please find attached the minutes of our lunch."],
)
def test_bad_input_is_rejected_and_writes_nothing(text):
    with pytest.raises(DocumentParseError):
        document_import(text=text)
    assert Document.objects.count() == 0
    assert Paragraph.objects.count() == 0


def test_failure_inside_the_import_rolls_everything_back(monkeypatch):
    document_import(text=RESOLUTION, publish=True)
    from documents import signals

    def explode(**kwargs):
        raise RuntimeError("listener failed")

    signals.document_imported.connect(explode, dispatch_uid="test-explode")
    try:
        with pytest.raises(RuntimeError):
            document_import(text=edited(RESOLUTION, "Decides to remain", "Decides to stay"))
    finally:
        signals.document_imported.disconnect(dispatch_uid="test-explode")
    assert Paragraph.objects.filter(text__contains="Decides to remain").exists()
    assert not Paragraph.objects.filter(text__contains="Decides to stay").exists()


def test_document_without_symbol_needs_a_slug():
    text = RESOLUTION.replace("A/RES/75/999\n", "").replace("75/999. ", "")
    with pytest.raises(DocumentParseError, match="slug"):
        document_import(text=text)
    document = document_import(text=text, slug="draft-trafficking-2020").document
    assert document.symbol == ""
    assert document.slug == "draft-trafficking-2020"


def test_duplicate_numbers_and_second_annex_get_valid_anchors(client):
    text = edited(RESOLUTION, "3. Decides to remain seized", "2. Decides to remain seized")
    result = document_import(text=text, publish=True)
    anchors = list(result.document.paragraphs.values_list("anchor", flat=True))
    assert "op-2-dup2" in anchors
    assert any("Duplicate" in w for w in result.document.import_warnings)
    assert client.get("/documents/a-res-75-999/op-2-dup2/").status_code == 200
    # anchors of a second annex are part of the URL contract too
    paragraph = result.document.paragraphs.get(anchor="op-1")
    paragraph.anchor = "annex2-1"
    paragraph.full_clean()
    paragraph.save()
    assert client.get("/documents/a-res-75-999/annex2-1/").status_code == 200
