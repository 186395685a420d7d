"""The curator's flow: upload or paste, preview, save; publish; history."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from tests.documents.samples import RESOLUTION
from tests.factories import make_document, make_paragraph

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/documents/document/import/"


def test_import_preview_then_save(admin_client):
    upload = SimpleUploadedFile("a_res_75_999.txt", RESOLUTION.encode(), "text/plain")
    response = admin_client.post(IMPORT_URL, {"file": upload, "publish": "on"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Check the parsed document" in content
    assert "A/RES/75/999" in content and "op-2" in content
    assert Document.objects.count() == 0  # the preview writes nothing

    confirm = response.context["confirm_form"].initial
    response = admin_client.post(IMPORT_URL, {**confirm, "publish": "True", "confirm": "1"})
    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:documents_document_change", args=[document.pk])
    assert document.is_published
    assert document.paragraphs.count() == 5
    assert document.history.count() == 1


def test_pasted_text_works_too(admin_client):
    response = admin_client.post(IMPORT_URL, {"text": RESOLUTION})
    assert response.status_code == 200
    assert response.context["parsed"].symbol == "A/RES/75/999"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (None, "Upload a file or paste"),
        (SimpleUploadedFile("empty.txt", b"", "text/plain"), "empty"),
        (SimpleUploadedFile("x.bin", bytes(range(256)) * 20, "application/octet-stream"), ""),
        (SimpleUploadedFile("lunch.txt", b"Minutes of our lunch meeting.", "text/plain"), ""),
    ],
)
def test_bad_uploads_get_a_clear_error(admin_client, upload, message):
    data = {"file": upload} if upload else {}
    response = admin_client.post(IMPORT_URL, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors
    assert message.lower() in form.errors.as_text().lower()
    assert Document.objects.count() == 0


def test_publish_actions_and_history(admin_client):
    document = make_document(is_published=False)
    response = admin_client.post(
        "/admin/documents/document/",
        {"action": "publish", "_selected_action": [document.pk]},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.is_published
    changes = document.history.all()
    assert changes[0].is_published and changes[0].history_user.username == "admin"


def test_changing_a_slug_keeps_the_old_url(admin_client, client):
    document = make_document(symbol="", slug="draft-old", title="A draft")
    url = reverse("admin:documents_document_change", args=[document.pk])
    page = admin_client.get(url)
    form = page.context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    data.update(
        {
            "slug": "draft-new",
            "agenda_items": "106\n107",
            "sponsors": "Belgium\nQatar",
            "is_published": "on",
            "paragraphs-TOTAL_FORMS": 0,
            "paragraphs-INITIAL_FORMS": 0,
            "footnotes-TOTAL_FORMS": 0,
            "footnotes-INITIAL_FORMS": 0,
            "relations_out-TOTAL_FORMS": 0,
            "relations_out-INITIAL_FORMS": 0,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert client.get("/documents/draft-old/").status_code == 301
    assert client.get("/documents/draft-new/").status_code == 200
    document.refresh_from_db()
    assert document.agenda_items == ["106", "107"]  # edited one per line, stored as a list
    assert document.sponsors == ["Belgium", "Qatar"]


def test_document_change_page_has_no_query_per_paragraph(
    admin_client, django_assert_max_num_queries
):
    document = make_document()
    for n in range(1, 31):
        make_paragraph(document, number=str(n), anchor=f"op-{n}")
    with django_assert_max_num_queries(40):
        response = admin_client.get(reverse("admin:documents_document_change", args=[document.pk]))
    assert response.status_code == 200


def test_admin_pages_render(admin_client):
    document = make_document()
    for url in (
        "/admin/documents/document/",
        reverse("admin:documents_document_change", args=[document.pk]),
        IMPORT_URL,
        "/admin/documents/paragraph/",
    ):
        assert admin_client.get(url).status_code == 200, url


def test_preview_of_a_reimport_shows_what_will_change(admin_client):
    from documents.services import document_import

    document_import(text=RESOLUTION, publish=True)
    text = RESOLUTION.replace("3. Decides to remain seized of the matter.\n", "").replace(
        "seventy-seventh session;", "seventy-seventh session."
    )
    response = admin_client.post(IMPORT_URL, {"text": text})
    plan = response.context["plan"]
    assert plan.removed_anchors == ["op-3"]
    assert plan.changed == ["op-2"]
    assert plan.unchanged == 3
    content = response.content.decode()
    assert "This will update" in content and "op-3" in content
