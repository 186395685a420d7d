"""A reader in Chromium: permalink, citation copy, related document, symbol redirect."""

import datetime as dt

import pytest

from documents.models import DocumentRelation
from documents.vocabulary import DocumentType, Kind, Relation
from tests.factories import make_document, make_paragraph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "permissions": ["clipboard-read", "clipboard-write"]}


@pytest.fixture
def corpus():
    adopted = make_document(
        symbol="A/RES/70/179",
        title="Improving the coordination of efforts against trafficking",
        adopted=dt.date(2015, 12, 17),
    )
    make_paragraph(
        adopted,
        kind=Kind.PREAMBULAR,
        anchor="pp-1",
        lead="Reiterating",
        text="Reiterating its strong condemnation of trafficking in persons,",
    )
    make_paragraph(
        adopted,
        number="1",
        anchor="op-1",
        lead="Urges",
        text="Urges Member States to ratify the Protocol;",
    )
    draft = make_document(
        symbol="",
        slug="draft-2015",
        title="Draft of 70/179",
        document_type=DocumentType.DRAFT_RESOLUTION,
        adopted=None,
        distributed=dt.date(2015, 11, 19),
    )
    make_paragraph(draft, number="1", anchor="op-1", text="Urges Member States to ratify;")
    DocumentRelation.objects.create(
        source=draft, target=adopted, target_symbol="A/RES/70/179", relation=Relation.DRAFT_OF
    )
    return adopted, draft


def test_paragraph_permalink_copy_citation_and_related(live_server, page, corpus):
    page.goto(f"{live_server.url}/documents/a-res-70-179/op-1/")
    assert page.locator("h1").inner_text() == "A/RES/70/179, para. 1"
    page.get_by_role("button", name="Copy short citation").click()
    page.wait_for_function("document.querySelector('.copy-status').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == "A/RES/70/179, para. 1"

    page.get_by_role("link", name="A/RES/70/179", exact=True).first.click()
    page.wait_for_url(f"{live_server.url}/documents/a-res-70-179/")
    assert page.locator("#op-1").is_visible()
    page.locator("#related-documents").get_by_role(
        "link", name="Draft resolution (General Assembly, 19 November 2015)"
    ).click()
    page.wait_for_url(f"{live_server.url}/documents/draft-2015/")
    assert "Adopted as" in page.locator("aside").inner_text()


def test_symbol_url_and_fragment(live_server, page, corpus):
    page.goto(f"{live_server.url}/symbol/a/res/70/179")
    page.wait_for_url(f"{live_server.url}/documents/a-res-70-179/")
    page.goto(f"{live_server.url}/documents/a-res-70-179/#op-1")
    highlighted = page.evaluate("getComputedStyle(document.getElementById('op-1')).backgroundColor")
    assert highlighted != "rgba(0, 0, 0, 0)"  # :target is highlighted for the reader


def test_phone_layout_has_no_horizontal_scroll(live_server, page, corpus):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/documents/a-res-70-179/op-1/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
