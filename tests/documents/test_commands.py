"""import_document and load_corpus, as a curator runs them."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from documents.models import Document, DocumentRelation, Paragraph

pytestmark = pytest.mark.django_db

CORPUS = "fixtures/corpus"
RESIDUE = re.compile(r"\*|<sup>|\]\(#\)|^#|\b\d\d-\d{5}\b|Please recycle|\f")


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_dry_run_json_prints_the_parsed_document_and_writes_nothing():
    data = json.loads(
        run("import_document", f"{CORPUS}/pdf-text/A_RES_72_1.txt", "--dry-run", "--json")
    )
    assert data["symbol"] == "A/RES/72/1"
    assert data["adopted"] == "2017-09-27"
    assert set(data) >= {
        "symbol",
        "title",
        "body",
        "document_type",
        "adopted",
        "distributed",
        "session",
        "agenda_items",
        "paragraphs",
        "footnotes",
        "references",
        "warnings",
    }
    assert {"anchor", "kind", "number", "lead", "text", "footnotes"} <= set(data["paragraphs"][0])
    assert Document.objects.count() == 0


def test_import_document_then_reimport_is_unchanged():
    output = run("import_document", f"{CORPUS}/002_1eeb48090b00f45d.txt", "--publish")
    assert "Created e-res-2017-18" in output
    output = run("import_document", f"{CORPUS}/002_1eeb48090b00f45d.txt")
    assert "Unchanged e-res-2017-18" in output
    assert Document.objects.get().is_published


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\xff\xfe" * 200, ""),
        (b"%PDF-1.4\nthis is not really a pdf", ""),
        (b"Shopping list: eggs, milk, bread.", ""),
    ],
)
def test_bad_files_get_a_clear_error_and_change_nothing(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        run("import_document", str(path))
    assert "bad.txt" in str(error.value)
    assert message in str(error.value).lower()
    assert Document.objects.count() == 0


def test_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="Cannot read"):
        run("import_document", "/nonexistent/file.txt")


def test_letter_without_symbol_needs_a_slug():
    with pytest.raises(CommandError, match="slug"):
        run("import_document", f"{CORPUS}/003_4869a389385dc58c.txt")


def test_load_corpus_loads_everything_at_its_permalink_and_is_idempotent(client):
    run("load_corpus")
    assert Document.objects.published().count() == 8
    counts = {d.slug: d.paragraphs.count() for d in Document.objects.all()}
    relations = DocumentRelation.objects.count()
    history = Document.history.count()

    run("load_corpus")
    assert {d.slug: d.paragraphs.count() for d in Document.objects.all()} == counts
    assert DocumentRelation.objects.count() == relations
    assert Document.history.count() == history  # nothing was rewritten

    # the chains the corpus manifest curates
    draft = Document.objects.get(slug="draft-a-c-3-70-2015-improving-coordination")
    assert draft.symbol == ""
    assert draft.relations_out.get(relation="draft_of").target.symbol == "A/RES/70/179"
    letter = Document.objects.get(slug="pga-letter-2017-07-21-draft-political-declaration")
    assert {r.target.symbol for r in letter.relations_out.filter(relation="draft_of")} == {
        "A/RES/71/319",
        "A/RES/72/1",
    }
    assert (
        DocumentRelation.objects.get(
            source__symbol="A/RES/72/195", target_symbol="E/RES/2017/18"
        ).target
        is not None
    )

    # every paragraph is clean and citable, and every document page serves them all
    for paragraph in Paragraph.objects.select_related("document", "parent"):
        assert not RESIDUE.search(paragraph.text), (paragraph.anchor, paragraph.text[:80])
        assert paragraph.citation.startswith(paragraph.document.label)
    for document in Document.objects.all():
        data = client.get(f"/api/documents/{document.slug}/").json()
        assert [p["anchor"] for p in data["paragraphs"]] == list(
            document.paragraphs.order_by("position").values_list("anchor", flat=True)
        )
        page = client.get(document.get_absolute_url()).content.decode()
        for anchor in (p["anchor"] for p in data["paragraphs"]):
            assert f'id="{anchor}"' in page
    for url, citation in [
        ("/documents/a-res-72-195/op-10/", "A/RES/72/195, para. 10"),
        ("/documents/a-res-72-1/annex-8/", "A/RES/72/1, annex, para. 8"),
        ("/documents/e-res-2017-18/pp-1/", "E/RES/2017/18, preambular paragraph 1"),
        ("/documents/a-res-64-293/annex-43-a/", "A/RES/64/293, annex, para. 43 (a)"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert citation in response.content.decode()
