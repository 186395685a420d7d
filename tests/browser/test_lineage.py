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


def test_compare_only_differences_and_change_navigation(live_server, page, linked):  # noqa: F811
    page.goto(f"{live_server.url}/compare/pga-letter-2017-07-21/a-res-71-319/")
    rows = page.locator(".compare-row")
    assert rows.count() == 5
    visible = page.locator(".compare-row:visible")
    assert visible.count() == 3  # identical paragraphs hidden by default
    toggle = page.get_by_role("button", name="Show only differences")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    assert visible.count() == 5
    assert "changes=0" in page.url  # a reload keeps the choice
    toggle.press("Enter")  # a real button: the keyboard works too
    assert visible.count() == 3

    following = page.get_by_role("button", name="Next change")
    following.focus()
    following.press("Enter")
    focused = "document.activeElement.id"
    assert page.evaluate(focused) == "change-1"
    page.keyboard.press("n")
    assert page.evaluate(focused) == "change-2"
    page.keyboard.press("n")
    assert page.evaluate(focused) == "change-3"
    page.keyboard.press("n")
    assert "this is the last" in page.locator("[data-compare-status]").inner_text()
    page.get_by_role("button", name="Previous change").click()
    assert page.evaluate(focused) == "change-2"
    assert page.url.endswith("#change-2")


def test_compare_only_differences_without_javascript(live_server, browser, linked):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/compare/pga-letter-2017-07-21/a-res-71-319/")
    assert page.locator(".compare-row:visible").count() == 3
    page.get_by_role("link", name="Show all paragraphs").click()
    page.wait_for_url("**?changes=0")
    assert page.locator(".compare-row:visible").count() == 5
    page.locator(".compare-nav__next").first.click()
    assert page.url.endswith("#change-2")
    context.close()
