"""The country index and a country page in a real browser: axe-core and the keyboard."""

import datetime

import pytest

from tests.support import countries as build
from tests.support.browser import assert_no_axe_violations, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def countries(live_portal_site):
    index = build.country_index(live_portal_site)
    build.story_index(live_portal_site)
    kenya = build.country(index, "Kenya", "KE")
    build.country(index, "France", "FR", status="planning", region="eur")
    build.country(index, "Czechia", "CZ", status="scaling-up", region="eur")
    kind = build.indicator_type()
    build.add_values(
        kenya, kind, [(datetime.date(2023, 6, 30), 1200), (datetime.date(2024, 6, 30), 2400)]
    )
    build.story(kenya, "Peer supporters join the team")
    build.translate(kenya, "ar", title="كينيا", summary="ملخص تجريبي.")
    return index


@pytest.mark.parametrize("code", ["en", "ar"])
@pytest.mark.parametrize("path", ["countries/", "countries/kenya/", "stories/"])
def test_countries_pages_are_accessible(page, live_server, countries, code, path):
    page.goto(f"{live_server.url}/{code}/{path}")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    save_screenshot(page, f"countries-{code}-{path.strip('/').replace('/', '-')}")


def test_filtered_index_with_an_ignored_value_is_accessible(page, live_server, countries):
    page.goto(f"{live_server.url}/en/countries/?status=nope&region=eur")
    assert page.get_by_text("We ignored this filter:").is_visible()
    assert_no_axe_violations(page)


def test_map_links_work_by_keyboard(page, live_server, countries):
    page.goto(f"{live_server.url}/ar/countries/")
    link = page.locator('a.world-map__link[aria-label^="كينيا"]')
    assert link.count() == 1
    # Tab from the map's first link until Kenya's has focus, as a keyboard user would.
    page.locator("a.world-map__link").first.focus()
    for _ in range(5):
        if link.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    assert link.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/ar/countries/kenya/")
    assert page.locator("h1").inner_text() == "كينيا"
