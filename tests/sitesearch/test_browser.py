"""Searching with a keyboard, in a real browser: suggestions, results, filters, axe."""

import pytest

from tests.support.browser import assert_no_axe_violations, save_screenshot
from tests.support.search import add_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pick_a_suggestion_with_the_keyboard(page, live_server, live_portal_site):
    add_page("en", "Peer support network", "peer-support-network")
    add_page("en", "Peer review of services", "peer-review")
    page.goto(f"{live_server.url}/en/")
    box = page.get_by_role("combobox", name="Search the portal")
    box.press_sequentially("peer sup", delay=30)
    option = page.get_by_role("option", name="Peer support network")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/peer-support-network/")


def test_escape_closes_and_enter_submits_the_form(page, live_server, live_portal_site):
    add_page("en", "Peer support network", "peer-support-network")
    page.goto(f"{live_server.url}/en/")
    box = page.get_by_role("combobox", name="Search the portal")
    box.press_sequentially("peer", delay=30)
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/search/?q=peer")
    assert page.locator(".result-count[role=status]").inner_text().startswith("1 result")


@pytest.mark.parametrize("code", ["en", "ar"])
def test_results_page_filters_and_is_accessible(page, live_server, live_portal_site, code):
    add_page(code, "Recovery college", "recovery-college")
    page.goto(f"{live_server.url}/{code}/search/?q=recovery+college&all_languages=1")
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    facet = page.locator(".search__facets a").first
    facet.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "content=" in page.url
    assert page.locator(".active-filters li a").count() == 1
    assert page.locator(".search-result").count() >= 1
    assert_no_axe_violations(page)
    save_screenshot(page, f"search-{code}")


def test_zero_results_page_is_accessible(page, live_server, live_portal_site):
    page.goto(f"{live_server.url}/ar/search/?q=zzzyyyxxx")
    assert page.locator(".search__empty").is_visible()
    assert_no_axe_violations(page)
