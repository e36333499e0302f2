"""Calendars: an event's .ics and the subscribable feed, parsed back with `icalendar`."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests.support import countries as build
from tests.support.events import events_index, in_days, make_event, make_launch, publish

pytestmark = pytest.mark.django_db

ZURICH = zoneinfo.ZoneInfo("Europe/Zurich")


@pytest.fixture
def index(portal_site):
    return events_index(portal_site)


@pytest.fixture
def launch(index):
    return make_launch(index)


def parse(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_an_event_ics_parses_back_to_the_same_event(client, launch):
    response = client.get("/en/events/global-launch/calendar.ics")
    assert 'filename="global-launch.ics"' in response["Content-Disposition"]
    assert b"DTSTART;TZID=Europe/Zurich:20220412T150000" in response.content
    calendar = parse(response)
    (event,) = vevents(calendar)
    assert event.decoded("dtstart") == datetime.datetime(2022, 4, 12, 15, tzinfo=ZURICH)
    assert event.decoded("dtstart").astimezone(datetime.UTC).hour == 13
    assert event.decoded("dtend") == datetime.datetime(2022, 4, 12, 16, 30, tzinfo=ZURICH)
    assert str(event["summary"]) == "Global launch"
    assert str(event["uid"]) == f"{launch.translation_key}-en@events.qualityrights-portal"
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["url"]) == "http://testserver/en/events/global-launch/"
    (zone,) = [c for c in calendar.walk() if c.name == "VTIMEZONE"]
    assert str(zone["tzid"]) == "Europe/Zurich"
    assert {str(c["tzname"]) for c in zone.subcomponents} == {"CET", "CEST"}


def test_rescheduling_and_cancelling_keep_the_uid_and_raise_the_sequence(client, launch):
    url = "/en/events/global-launch/calendar.ics"
    first = vevents(parse(client.get(url)))[0]
    launch.start_time, launch.end_time = datetime.time(16), datetime.time(17, 30)
    launch.status = "rescheduled"
    publish(launch)
    moved = vevents(parse(client.get(url)))[0]
    assert moved["uid"] == first["uid"]
    assert moved.decoded("sequence") == first.decoded("sequence") + 1
    assert moved.decoded("dtstart").hour == 16
    launch.status = "cancelled"
    publish(launch)
    cancelled = vevents(parse(client.get(url)))[0]
    assert str(cancelled["status"]) == "CANCELLED"
    assert cancelled.decoded("sequence") == moved.decoded("sequence") + 1


def test_the_feed_lists_upcoming_events_cancelled_ones_included(client, index):
    make_event(index, "Soon", start=in_days(2))
    cancelled = make_event(index, "Called off", start=in_days(4))
    cancelled.status = "cancelled"
    publish(cancelled)
    make_event(index, "Long ago", start=(datetime.date(2022, 4, 12), datetime.time(15)))
    secret = make_event(index, "Secret", start=in_days(3))
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    events = vevents(parse(client.get("/en/events/calendar.ics")))
    assert [str(e["summary"]) for e in events] == ["Soon", "Called off"]
    assert [str(e["status"]) for e in events] == ["CONFIRMED", "CANCELLED"]
    # Never the joining link, only the page.
    assert all("join" not in str(e["description"]) for e in events)


def test_the_feed_of_one_country_or_topic(client, index, portal_site):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    make_event(kenya, "In Kenya", start=in_days(5))
    make_event(index, "Recovery talk", start=in_days(6), topics=["recovery"])
    by_country = vevents(parse(client.get("/en/events/calendar.ics?country=kenya")))
    assert [str(e["summary"]) for e in by_country] == ["In Kenya"]
    by_topic = vevents(parse(client.get("/fr/events/calendar.ics?topic=recovery")))
    assert [str(e["summary"]) for e in by_topic] == ["Recovery talk"]


@pytest.mark.parametrize(
    "url",
    ["/en/events/calendar.ics?country=atlantis", "/en/events/calendar.ics?topic=" + "x" * 5000],
)
def test_an_unknown_feed_filter_is_a_400_that_says_what_exists(client, index, url):
    response = client.get(url)
    assert response.status_code == 400
    assert b"Known values" in response.content


@pytest.mark.parametrize("url", ["/en/calendar.ics", "/en/nowhere/calendar.ics"])
def test_a_calendar_of_a_page_that_is_not_an_event_is_not_found(client, index, url):
    assert client.get(url).status_code == 404


def test_a_draft_event_has_no_calendar(client, index):
    event = make_event(index, "Draft", start=in_days(5))
    event.unpublish()
    assert client.get("/en/events/draft/calendar.ics").status_code == 404
