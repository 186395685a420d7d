"""From an actor page to the search filtered on it, then to a paragraph's permalink."""

import re

import pytest
from playwright.sync_api import expect

from commitments import services
from tests.factories import make_document, make_paragraph
from tests.search.conftest import drain, search_index  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tagged(drain):  # noqa: F811  (the imported fixture)
    services.taxonomy_load()
    document = make_document(symbol="A/RES/72/195")
    make_paragraph(
        document,
        text="Requests the United Nations Office on Drugs and Crime to "
        "collect data on trafficking in persons;",
    )
    make_paragraph(document, text="Invites Member States to make voluntary contributions;")
    services.document_tag(document=document)
    drain()
    return document


def test_actor_to_filtered_search_to_permalink(page, live_server, tagged):
    page.goto(f"{live_server.url}/actors/")
    page.get_by_label("Find an actor").fill("UNODC")
    page.get_by_label("Find an actor").press("Enter")
    page.get_by_role("link", name="United Nations Office on Drugs and Crime").click()
    expect(page.locator("h1")).to_contain_text("United Nations Office on Drugs and Crime")
    expect(page.locator(".commitment").first).to_contain_text("requests")

    page.get_by_role("link", name="Search paragraphs addressed to UNODC").click()
    expect(page).to_have_url(re.compile(r"/search/\?addressee=unodc"))
    expect(page.locator(".results__count")).to_contain_text("1 paragraph")

    page.locator(".hit__link").first.click()
    expect(page).to_have_url(re.compile(r"/documents/a-res-72-195/op-1/$"))
    expect(page.locator(".commitments-panel")).to_contain_text("UNODC")
