"""A drafter in Chromium: agreed language as they type, lineage on a paragraph, comparison."""

import pytest

from tests.lineage.conftest import chain, linked  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_agreed_language_updates_as_the_user_types(live_server, page, linked):  # noqa: F811
    page.goto(f"{live_server.url}/agreed-language/")
    box = page.get_by_label("Your text")
    box.press_sequentially("the International Criminal Police Organization", delay=10)
    results = page.locator("#agreed-results")
    # No submit: the debounced request fills the results in place.
    results.get_by_role("link", name="A/RES/71/319, annex, para. 3").wait_for()
    assert "A/RES/72/1, annex, para. 3" in results.inner_text()
    assert "text=the+International" in page.url  # shareable
    assert "close paragraph" in page.locator("#agreed-announce").inner_text()

    box.fill("the International Police Organization and others")
    results.locator("del").first.wait_for()
    assert "Police" in results.inner_text()

    results.get_by_role("link", name="A/RES/71/319, annex, para. 3").click()
    page.wait_for_url(f"{live_server.url}/documents/a-res-71-319/annex-3/")
    panel = page.locator(".lineage-panel")
    assert "This language also appears in" in panel.inner_text()
    assert "First drafted in" in panel.inner_text()
    assert panel.locator("ins", has_text="Criminal").count() == 1


def test_agreed_language_works_without_javascript(live_server, browser, linked):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/agreed-language/")
    page.get_by_label("Your text").fill("We recall and reaffirm our commitments to the 2030 Agenda")
    page.get_by_role("button", name="Check").click()
    page.wait_for_url("**/agreed-language/?text=*")
    assert "A/RES/71/319, annex, para. 2" in page.locator("#agreed-results").inner_text()
    context.close()


def test_compare_from_a_document_page(live_server, page, linked):  # noqa: F811
    page.goto(f"{live_server.url}/documents/pga-letter-2017-07-21/")
    page.get_by_role("link", name="A/RES/71/319").last.click()
    page.wait_for_url(f"{live_server.url}/compare/pga-letter-2017-07-21/a-res-71-319/")
    counts = page.get_by_role("list", name="Paragraph counts").inner_text()
    assert "2 identical" in counts.replace("\n", " ")
    assert "1 changed" in counts.replace("\n", " ")
    page.set_viewport_size({"width": 375, "height": 800})
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow
