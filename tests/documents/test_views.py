"""Pages, permalinks, redirects and the JSON twins."""

import datetime as dt

import pytest
from django.urls import reverse

from documents.models import DocumentRelation, DocumentSlugRedirect, ParagraphRedirect
from documents.vocabulary import DocumentType, Kind, Part, Relation
from tests.factories import make_document, make_footnote, make_paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def resolution():
    document = make_document(
        symbol="A/RES/72/195",
        title="Improving the coordination of efforts against trafficking in persons",
        adopted=dt.date(2017, 12, 19),
        session="Seventy-second session",
        meeting="73rd plenary meeting",
    )
    footnote = make_footnote(document, 1, "Resolution 70/1.")
    pp = make_paragraph(
        document,
        kind=Kind.PREAMBULAR,
        anchor="pp-1",
        lead="Recalling",
        text="Recalling the adoption of the 2030 Agenda for Sustainable Development,",
    )
    pp.footnotes.add(footnote)
    op = make_paragraph(document, number="10", anchor="op-10", text="Urges Member States to act;")
    make_paragraph(
        document,
        kind=Kind.SUBPARAGRAPH,
        part=Part.OPERATIVE,
        number="a",
        anchor="op-10-a",
        parent=op,
        lead="",
        text="To ratify the Protocol;",
    )
    make_paragraph(
        document,
        number="11",
        anchor="op-11",
        lead="Requests",
        text="Requests the Secretary-General to <script>alert(1)</script> report;",
    )
    return document


def test_document_list_filters_and_counts(client, resolution):
    make_document(
        symbol="E/RES/2017/18", body="Economic and Social Council", adopted=dt.date(2017, 7, 6)
    )
    make_document(symbol="A/RES/99/1", is_published=False)
    response = client.get(reverse("documents:list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "A/RES/72/195" in content and "E/RES/2017/18" in content
    assert "A/RES/99/1" not in content  # unpublished
    response = client.get(reverse("documents:list"), {"body": "Economic and Social Council"})
    assert "A/RES/72/195" not in response.content.decode()
    response = client.get(reverse("documents:list"), {"year": "2017", "sort": "symbol"})
    assert [d.symbol for d in response.context["documents"]] == ["A/RES/72/195", "E/RES/2017/18"]
    assert response.context["documents"][0].paragraph_count == 4


def test_document_page_shows_paragraphs_with_anchor_ids(
    client, resolution, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get(resolution.get_absolute_url())
    content = response.content.decode()
    for anchor in ("pp-1", "op-10", "op-10-a", "op-11"):
        assert f'id="{anchor}"' in content
    assert 'id="fn-1"' in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)</script>" not in content


def test_paragraph_page_has_citations_and_neighbours(client, resolution):
    response = client.get("/documents/a-res-72-195/op-10/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "A/RES/72/195, para. 10" in content
    assert (
        "General Assembly resolution 72/195 of 19 December 2017, operative paragraph 10" in content
    )
    assert "http://127.0.0.1:8000/documents/a-res-72-195/op-10/" in content
    assert response.context["previous"].anchor == "pp-1"
    assert response.context["next"].anchor == "op-11"
    assert [c.anchor for c in response.context["children"]] == ["op-10-a"]


def test_unknown_paragraph_and_document_are_404(client, resolution):
    assert client.get("/documents/a-res-72-195/op-99/").status_code == 404
    assert client.get("/documents/no-such-doc/").status_code == 404
    assert client.get("/documents/a-res-72-195/not-an-anchor/").status_code == 404


def test_moved_anchor_redirects_and_removed_anchor_is_gone(client, resolution):
    op10 = resolution.paragraphs.get(anchor="op-10")
    ParagraphRedirect.objects.create(document=resolution, old_anchor="op-9", paragraph=op10)
    ParagraphRedirect.objects.create(
        document=resolution, old_anchor="op-12", removed_text="Old text"
    )
    response = client.get("/documents/a-res-72-195/op-9/")
    assert response.status_code == 301
    assert response["Location"] == "/documents/a-res-72-195/op-10/"
    response = client.get("/documents/a-res-72-195/op-12/")
    assert response.status_code == 410
    assert "no longer in this document" in response.content.decode()
    assert "Old text" in response.content.decode()
    assert client.get("/api/documents/a-res-72-195/op-12/").status_code == 410


def test_old_slug_redirects_forever(client, resolution):
    DocumentSlugRedirect.objects.create(old_slug="old-name", document=resolution)
    response = client.get("/documents/old-name/op-10/")
    assert response.status_code == 301
    assert response["Location"] == "/documents/a-res-72-195/op-10/"


@pytest.mark.parametrize(
    "path",
    [
        "/symbol/A/RES/72/195",
        "/symbol/a/res/72/195",
        "/symbol/72/195",
        "/symbol/a-res-72-195",
        "/symbol/A/RES/72/195/",
    ],
)
def test_symbol_redirector(client, resolution, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/documents/a-res-72-195/"


def test_unknown_symbol_suggests_nearest(client, resolution):
    response = client.get("/symbol/A/RES/72/196")
    assert response.status_code == 404
    assert resolution in response.context["nearest"]
    assert "A/RES/72/195" in response.content.decode()


def test_unpublished_document_is_hidden(client, resolution):
    resolution.is_published = False
    resolution.save()
    assert client.get(resolution.get_absolute_url()).status_code == 404
    assert client.get("/documents/a-res-72-195/op-10/").status_code == 404
    assert client.get("/api/documents/a-res-72-195/").status_code == 404
    assert client.get("/symbol/A/RES/72/195").status_code == 404


def test_relations_show_in_both_directions(client, resolution):
    draft = make_document(
        symbol="", slug="draft-2017", title="Draft", document_type=DocumentType.DRAFT_RESOLUTION
    )
    DocumentRelation.objects.create(
        source=draft, target=resolution, target_symbol="A/RES/72/195", relation=Relation.DRAFT_OF
    )
    DocumentRelation.objects.create(
        source=resolution, target_symbol="A/RES/70/179", relation=Relation.RECALLS
    )
    content = client.get(resolution.get_absolute_url()).content.decode()
    assert "Draft" in content and "/documents/draft-2017/" in content
    assert "Recalls" in content and "A/RES/70/179" in content
    content = client.get(draft.get_absolute_url()).content.decode()
    assert "Adopted as" in content and "/documents/a-res-72-195/" in content


def test_api_document_detail(client, resolution):
    data = client.get("/api/documents/a-res-72-195/").json()
    assert data["symbol"] == "A/RES/72/195"
    assert data["paragraph_count"] == 4
    paragraph = next(p for p in data["paragraphs"] if p["anchor"] == "op-10")
    assert paragraph["citation"] == "A/RES/72/195, para. 10"
    assert paragraph["permalink"] == "http://127.0.0.1:8000/documents/a-res-72-195/op-10/"
    assert set(paragraph) >= {
        "anchor",
        "kind",
        "number",
        "lead",
        "text",
        "footnotes",
        "permalink",
        "citation",
        "long_citation",
        "parent",
        "part",
    }
    pp = next(p for p in data["paragraphs"] if p["anchor"] == "pp-1")
    assert pp["footnotes"] == [{"number": 1, "text": "Resolution 70/1."}]


def test_api_paragraph_and_list(client, resolution):
    data = client.get("/api/documents/a-res-72-195/op-10/").json()
    assert data["anchor"] == "op-10"
    assert [s["anchor"] for s in data["subparagraphs"]] == ["op-10-a"]
    assert data["document"]["symbol"] == "A/RES/72/195"
    listing = client.get("/api/documents/").json()
    assert listing["count"] == 1
    assert client.get("/api/documents/a-res-72-195/op-77/").status_code == 404


def test_home_page(client, resolution):
    response = client.get("/")
    assert response.status_code == 200
    assert "A/RES/72/195" in response.content.decode()


def test_newest_first_falls_back_to_the_distribution_date(client, resolution):
    make_document(symbol="A/RES/64/293", adopted=dt.date(2010, 7, 30))
    make_document(
        symbol="",
        slug="draft-2015",
        title="Draft",
        adopted=None,
        distributed=dt.date(2015, 11, 19),
        document_type=DocumentType.DRAFT_RESOLUTION,
    )
    response = client.get(reverse("documents:list"))
    assert [d.slug for d in response.context["documents"]] == [
        "a-res-72-195",
        "draft-2015",
        "a-res-64-293",
    ]
    response = client.get(reverse("documents:list"), {"sort": "oldest"})
    assert [d.slug for d in response.context["documents"]][0] == "a-res-64-293"


def test_redirects_and_gone_pages_are_not_cached_forever(client, resolution):
    op10 = resolution.paragraphs.get(anchor="op-10")
    ParagraphRedirect.objects.create(document=resolution, old_anchor="op-9", paragraph=op10)
    ParagraphRedirect.objects.create(document=resolution, old_anchor="op-12", removed_text="x")
    moved = client.get("/documents/a-res-72-195/op-9/")
    assert "max-age=3600" in moved["Cache-Control"]
    gone = client.get("/documents/a-res-72-195/op-12/")
    assert "no-cache" in gone["Cache-Control"]
    assert "no-cache" in client.get("/api/documents/a-res-72-195/op-12/")["Cache-Control"]


def test_permalinks_use_the_request_origin_when_site_url_is_unset(client, resolution, settings):
    settings.SITE_URL = ""
    data = client.get("/api/documents/a-res-72-195/op-10/", HTTP_HOST="kb.example.org").json()
    assert data["permalink"] == "http://kb.example.org/documents/a-res-72-195/op-10/"
    page = client.get("/documents/a-res-72-195/op-10/", HTTP_HOST="kb.example.org")
    assert "http://kb.example.org/documents/a-res-72-195/op-10/" in page.content.decode()
