"""The progress page in a real browser: axe-core finds nothing in English or Arabic,
and the table sorts from its headings with the keyboard alone."""

import datetime

import pytest

from countries.models import IndicatorValue
from tests.support import countries as build
from tests.support import targets as support
from tests.support.browser import assert_no_axe_violations, save_screenshot, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


@pytest.fixture
def world(live_portal_site):
    index = build.country_index(live_portal_site)
    enrolled, assessed = support.enrolled(), support.per_period()
    support.translate_type(enrolled, "ar", "المسجلون في التدريب الإلكتروني")
    for number, (name, code, region) in enumerate(
        [("Kenya", "KE", "afr"), ("Ghana", "GH", "afr"), ("India", "IN", "sear")]
    ):
        page = build.country(index, name, code, region=region)
        page.indicator_values = [
            IndicatorValue(
                indicator=kind, date=date, value=(number + 1) * base * year, source="sample data"
            )
            for kind, base in ((enrolled, 12_000), (assessed, 4))
            for year, date in enumerate((D(2022, 12, 31), D(2023, 12, 31), D(2024, 6, 30)), 1)
        ]
        build.publish(page)
    build.country(index, "France", "FR", region="eur")  # no values yet
    support.target(enrolled, 5_000_000, deadline=D(2024, 12, 31))
    support.target(
        enrolled, 1_000_000, name="1 million learners", source_url="https://www.who.int/"
    )
    return live_portal_site


@pytest.mark.parametrize("code, direction", [("en", "ltr"), ("ar", "rtl")])
def test_progress_page_is_accessible(page, live_server, world, code, direction):
    page.goto(f"{live_server.url}/{code}/progress/")
    assert page.locator("html").get_attribute("dir") == direction
    assert_no_axe_violations(page)
    save_screenshot(page, f"progress-{code}")


def test_sort_the_table_with_the_keyboard(page, live_server, world):
    page.goto(f"{live_server.url}/en/progress/")
    heading = "#countries thead th:nth-child(3) a"
    tab_to(page, heading, limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url("**/progress/?sort=-etraining-enrolled#countries")
    first = page.locator("#countries tbody tr:first-child th").inner_text()
    assert first == "India"
    assert (
        page.locator("#countries thead th:nth-child(3)").get_attribute("aria-sort") == "descending"
    )
    assert_no_axe_violations(page)
