"""The search flow in a real browser: query, two facets, remove a chip, open, back."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_document, make_paragraph
from tests.search.conftest import drain, search_index  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def indexed(drain):  # noqa: F811  (the imported fixture)
    ga = make_document(symbol="A/RES/72/195", body="General Assembly")
    sc = make_document(symbol="S/RES/2388 (2017)", body="Security Council")
    hrc = make_document(symbol="A/HRC/RES/44/4", body="Human Rights Council")
    for doc in (ga, sc, hrc):
        make_paragraph(doc, text=f"Urges action against trafficking in persons ({doc.body});")
    drain()


def test_search_facets_chips_and_back(page, live_server, indexed):
    page.goto(f"{live_server.url}/search/")
    box = page.get_by_role("searchbox")  # one: the header's is hidden on this page
    box.fill("trafficking")
    box.press("Enter")
    expect(page.locator(".results__count")).to_contain_text("of 3 paragraphs")

    page.locator('#facet-body a[data-value="General Assembly"]').click()
    expect(page.locator(".results__count")).to_contain_text("1 paragraph")
    page.locator('#facet-body a[data-value="Security Council"]').click()
    expect(page.locator(".results__count")).to_contain_text("of 2 paragraphs")
    expect(page).to_have_url(re.compile(r"body=General\+Assembly.*body=Security\+Council"))

    page.get_by_role("link", name="Remove filter Body: General Assembly").click()
    expect(page.locator(".results__count")).to_contain_text("1 paragraph")
    expect(page.locator(".hit__head")).to_contain_text("S/RES/2388 (2017)")

    page.locator(".hit__link").first.click()
    expect(page).to_have_url(re.compile(r"/documents/.+/op-1/$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/search/\?q=trafficking&body=Security\+Council"))
    expect(page.locator(".results__count")).to_contain_text("1 paragraph")


def test_keyboard_skips_to_results_and_toggles_facets(page, live_server, indexed):
    page.goto(f"{live_server.url}/search/?q=trafficking")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")  # the site's, in base.html
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the first stop in the page's content
    expect(page.locator(":focus")).to_have_text("Skip to results")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_class("hit__link")

    facet = page.locator('#facet-body a[data-value="Security Council"]')
    expect(facet).not_to_have_attribute("role", "checkbox")
    facet.focus()
    page.keyboard.press("Enter")  # a link: Enter follows it
    expect(page.locator(".results__count")).to_contain_text("1 paragraph")
    expect(page.locator('#facet-body a[data-value="Security Council"]')).to_have_attribute(
        "aria-current", "true"
    )


def test_phone_one_search_box_results_near_the_top(page, live_server, indexed):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/search/?q=trafficking&body=General+Assembly")
    expect(page.locator(".header-search")).to_be_hidden()
    expect(page.locator("input[type=search]:visible")).to_have_count(1)
    page.screenshot(path="/tmp/qa3/phone.png", full_page=False)
    top = page.locator(".hit").first.bounding_box()["y"]
    assert top < 420, top
    jump = page.get_by_role("link", name="Filters (1)")
    expect(jump).to_be_visible()
    jump.click()
    expect(page).to_have_url(re.compile(r"#filters$"))
    expect(page.locator("#facet-body")).to_be_in_viewport()
    page.screenshot(path="/tmp/qa3/phone.png", full_page=False)


def test_wide_screen_filters_on_the_left(page, live_server, indexed):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/search/?q=trafficking")
    expect(page.locator(".header-search")).to_be_hidden()
    expect(page.get_by_role("link", name="Filters", exact=True)).to_be_hidden()
    facets, results = (
        page.locator("#filters").bounding_box(),
        page.locator("#results").bounding_box(),
    )
    assert facets["x"] + facets["width"] <= results["x"]
    page.screenshot(path="/tmp/qa3/wide.png", full_page=False)
