"""Events beyond their own pages: country pages, the home page, alert digests, the Atom
feed, the API and open data."""

import csv
import datetime
import io
import json

import feedparser
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from alerts.models import Subscription
from events.models import EventPage
from tests.support import countries as build
from tests.support.events import events_index, in_days, make_event, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def kenya(portal_site):
    return build.country(build.country_index(portal_site), "Kenya", "KE")


@pytest.fixture
def events(portal_site, kenya):
    index = events_index(portal_site)
    return {
        "kenya": make_event(kenya, "Launch in Kenya", start=in_days(7), time_zone="Africa/Nairobi"),
        "webinar": make_event(
            index,
            "Webinar",
            start=in_days(3),
            topics=["recovery"],
            interpretation=("ils",),
            online_url="https://example.org/secret-join-link",
        ),
        "past": make_event(
            index, "Launch 2022", start=(datetime.date(2022, 4, 12), datetime.time(15))
        ),
    }


def test_a_country_page_lists_its_upcoming_events(client, events):
    html = client.get("/en/countries/kenya/").content.decode()
    assert "Upcoming events in Kenya" in html
    assert "Launch in Kenya" in html and "Webinar" not in html
    assert "/en/events/?country=kenya" in html


def test_the_home_page_shows_the_next_events(client, events):
    html = client.get("/en/").content.decode()
    assert html.index("Webinar") < html.index("Launch in Kenya")
    assert "Launch 2022" not in html


def test_alert_subscribers_get_new_events_of_their_countries_and_topics(events):
    Subscription.objects.create(
        email="amina@example.org",
        language="fr",
        countries=["kenya"],
        topics=["recovery"],
        confirmed_at=timezone.now() - datetime.timedelta(days=1),
    )
    # Published two hours ago: new to a subscriber confirmed a day ago.
    EventPage.objects.update(first_published_at=timezone.now() - datetime.timedelta(hours=2))
    hidden = make_event(events["kenya"].get_parent(), "Team only", start=in_days(9))
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    call_command("send_alert_digests")
    (message,) = mail.outbox
    assert "Launch in Kenya" in message.body and "Webinar" in message.body
    assert "Team only" not in message.body and "Launch 2022" not in message.body
    assert (
        "http://localhost/fr/events/webinar/" in message.body
        or "/fr/events/webinar/" in message.body
    )


def test_the_atom_feed_lists_upcoming_events_without_joining_links(client, events):
    response = client.get("/fr/feeds/events/")
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == ["Webinar", "Launch in Kenya"]
    assert b"secret-join-link" not in response.content
    assert (
        '<link rel="alternate" type="application/atom+xml"'
        in client.get("/en/events/").content.decode()
    )


def test_the_api_lists_events_with_the_listing_filters(client, events):
    data = client.get("/api/v2/events/?fields=start,time_zone,interpretation_codes").json()
    assert [item["title"] for item in data["items"]] == ["Webinar", "Launch in Kenya"]
    webinar = data["items"][0]
    assert webinar["time_zone"] == "Europe/Zurich" and webinar["interpretation_codes"] == ["ils"]
    assert webinar["start"].endswith(("+01:00", "+02:00"))
    signed = client.get("/api/v2/events/?access=sign-language").json()
    assert [item["title"] for item in signed["items"]] == ["Webinar"]
    past = client.get("/api/v2/events/?when=past").json()
    assert [item["title"] for item in past["items"]] == ["Launch 2022"]


@pytest.mark.parametrize("query", ["country=atlantis", "month=13", "when=tomorrow", "format="])
def test_the_api_answers_unknown_filter_values_with_a_400(client, events, query):
    response = client.get(f"/api/v2/events/?{query}")
    assert response.status_code == 400
    assert "message" in response.json()


def test_open_data_has_every_public_english_event(client, events):
    csv_body = b"".join(client.get("/open-data/events.csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(csv_body)))
    assert [row["title_en"] for row in rows] == ["Launch 2022", "Webinar", "Launch in Kenya"]
    launch = rows[0]
    assert launch["start"] == "2022-04-12T15:00:00+02:00"
    assert launch["start_utc"] == "2022-04-12T13:00:00+00:00"
    assert rows[2]["country_iso"] == "KE"
    assert "secret-join-link" not in json.dumps(rows)
    body = b"".join(client.get("/open-data/events.json").streaming_content)
    assert len(json.loads(body)["rows"]) == 3


def test_cancelling_shows_everywhere(client, events):
    webinar = events["webinar"]
    webinar.status = "cancelled"
    publish(webinar)
    assert "Cancelled" in client.get("/en/events/").content.decode()
    feed = client.get("/en/feeds/events/").content.decode()
    assert "Cancelled." in feed
    api = client.get("/api/v2/events/?fields=status").json()
    assert api["items"][0]["status"] == "cancelled"
    assert b"STATUS:CANCELLED" in client.get("/en/events/webinar/calendar.ics").content
