"""Finding an event one can attend, in a real browser, in English and Arabic: an
upcoming online event with sign-language interpretation, its page, its .ics."""

import datetime

import pytest
from icalendar import Calendar

from tests.support.browser import assert_no_axe_violations, save_screenshot
from tests.support.events import events_index, in_days, make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agenda(live_portal_site):
    index = events_index(live_portal_site)
    make_event(index, "Signed webinar", start=in_days(12), interpretation=("fr", "ils"))
    make_event(index, "Spoken webinar", start=in_days(5), interpretation=("fr",))
    make_event(index, "Training in Geneva", start=in_days(8), format="in-person", venue_name="Hall")
    make_event(index, "Old launch", start=(datetime.date(2022, 4, 12), datetime.time(15)))
    return index


@pytest.fixture
def visitor_in_new_york(browser):
    """A visitor whose own clock is New York's, to see the time added for them."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        timezone_id="America/New_York",
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_find_a_signed_online_event_open_it_and_add_it_to_a_calendar(
    visitor_in_new_york, live_server, agenda, code
):
    page = visitor_in_new_york
    page.goto(f"{live_server.url}/{code}/events/")
    assert_no_axe_violations(page)
    page.check('input[name="format"][value="online"]')
    page.check('input[name="access"][value="sign-language"]')
    with page.expect_navigation():
        page.locator(".library__filters button[type=submit]").click()
    assert "format=online" in page.url and "access=sign-language" in page.url
    assert page.locator(".result__title a").all_inner_texts() == ["Signed webinar"]
    assert_no_axe_violations(page)
    save_screenshot(page, f"events-filtered-{code}")

    with page.expect_navigation():
        page.locator(".result__title a").click()
    assert page.locator("h1").inner_text() == "Signed webinar"
    # The script adds the visitor's own time; the event's stays as the server wrote it.
    visitor = page.locator("[data-visitor-time]")
    assert visitor.is_visible() and "America/New_York" in visitor.inner_text()
    assert_no_axe_violations(page)
    save_screenshot(page, f"events-page-{code}")

    with page.expect_download() as download:
        page.locator('a[href$="calendar.ics"]').click()
    body = open(download.value.path(), "rb").read()
    (event,) = [c for c in Calendar.from_ical(body).walk() if c.name == "VEVENT"]
    assert str(event["summary"]) == "Signed webinar"
    assert event["dtstart"].params["TZID"] == "Europe/Zurich"
