"""The event page: its times in the event's zone (with abbreviation and UTC offset) and
in UTC, its status shown first, joining information only near the event, and schema.org
Event JSON-LD."""

import datetime

import pytest
from django.utils import timezone

from tests.support.events import events_index, in_days, make_event, make_launch, publish
from tests.support.pages import json_ld
from tests.support.resources import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(portal_site):
    return events_index(portal_site)


@pytest.fixture
def launch(index):
    return make_launch(
        index,
        interpretation=("ar", "zh-hans", "fr", "ru", "es", "ils"),
        captions=("en",),
        organisers="WHO\nPartners",
    )


def event_item(response):
    return next(item for item in json_ld(response) if item["@type"] == "Event")


def test_the_launch_shows_geneva_time_its_summer_offset_and_utc(client, launch):
    html = client.get("/en/events/global-launch/").content.decode()
    assert (
        '<time datetime="2022-04-12T15:00+02:00" data-local-time>April 12, 2022, 3 p.m.</time>'
        in html
    )
    assert "CEST (UTC+02:00)" in html
    assert "In UTC: April 12, 2022, 1 p.m.–2:30 p.m." in html
    assert 'src="/static/events/js/local-time.js" defer' in html
    assert "International Sign" in html and 'lang="zh-Hans"' in html


def test_the_page_in_french_and_arabic_writes_the_date_in_that_language(client, launch):
    french = client.get("/fr/events/global-launch/").content.decode()
    assert "12 avril 2022, 15:00" in french
    arabic = client.get("/ar/events/global-launch/")
    assert arabic.status_code == 200
    assert 'dir="rtl"' in arabic.content.decode()


def test_an_event_across_a_change_of_clocks_shows_both_offsets(client, index):
    make_event(
        index,
        "Night vigil",
        start=(datetime.date(2026, 10, 24), datetime.time(22)),
        end_date=datetime.date(2026, 10, 25),
        end_time=datetime.time(4),
    )
    html = client.get("/en/events/night-vigil/").content.decode()
    assert "CEST (UTC+02:00; at the end: CET, UTC+01:00)" in html


def test_schema_org_event(client, launch):
    item = event_item(client.get("/en/events/global-launch/"))
    assert item["startDate"] == "2022-04-12T15:00:00+02:00"
    assert item["endDate"] == "2022-04-12T16:30:00+02:00"
    assert item["eventStatus"] == "https://schema.org/EventScheduled"
    assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert item["location"]["@type"] == "VirtualLocation"
    assert item["inLanguage"] == ["en"]
    assert [o["name"] for o in item["organizer"]] == ["WHO", "Partners"]
    assert item["offers"]["url"] == "https://example.org/register"


def test_a_hybrid_event_has_a_place_and_a_virtual_location(client, index):
    make_event(index, "Hybrid", format="hybrid", venue_name="Hall", venue_address="1 Road")
    item = event_item(client.get("/en/events/hybrid/"))
    assert [place["@type"] for place in item["location"]] == ["Place", "VirtualLocation"]
    assert item["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


@pytest.mark.parametrize(
    "status, schema, words",
    [
        ("cancelled", "EventCancelled", "This event is Cancelled."),
        ("postponed", "EventPostponed", "A new date will be announced here."),
        ("moved-online", "EventMovedOnline", "It takes place online only."),
    ],
)
def test_a_changed_status_is_shown_first_and_told_to_machines(client, index, status, schema, words):
    event = make_event(index, "Meeting", online_url="https://example.org/join")
    event.status = status
    publish(event)
    response = client.get("/en/events/meeting/")
    html = response.content.decode()
    assert html.index(words) < html.index("How to take part")
    assert event_item(response)["eventStatus"] == f"https://schema.org/{schema}"
    assert ("Register for this event" in html) is (status != "cancelled")


def test_joining_information_is_shown_only_near_the_event(client, index):
    soon = timezone.localtime(timezone.now() + datetime.timedelta(hours=2), datetime.UTC)
    make_event(
        index,
        "Soon",
        start=(soon.date(), soon.time().replace(second=0, microsecond=0)),
        end_time=(soon + datetime.timedelta(minutes=30)).time().replace(second=0, microsecond=0),
        end_date=(soon + datetime.timedelta(minutes=30)).date(),
        time_zone="UTC",
        online_url="https://example.org/join-soon",
    )
    make_event(index, "Later", start=in_days(9), online_url="https://example.org/join-later")
    assert "https://example.org/join-soon" in client.get("/en/events/soon/").content.decode()
    later = client.get("/en/events/later/").content.decode()
    assert "https://example.org/join-later" not in later
    assert "shown here from a day before the event" in later


def test_after_the_event_the_recording_is_linked(client, launch, library):
    video = make_resource(library, "Launch recording", kind="video")
    launch.recording = video
    publish(launch)
    html = client.get("/en/events/global-launch/").content.decode()
    assert "Watch the recording: Launch recording" in html
    assert "Add to your calendar" not in html
