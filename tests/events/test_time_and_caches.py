"""Pages that show events change as time passes (an event starts, ends, its joining
details appear), not only on a publish: the page cache and CDNs keep them at most
EVENTS_PAGE_SECONDS, other pages keep the usual lifetime."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.support import countries as build
from tests.support.events import events_index, in_days, make_event


@pytest.fixture
def kenya(portal_site):
    index = events_index(portal_site)
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    make_event(index, "Webinar soon", start=in_days(3))
    make_event(kenya, "Launch in Kenya", start=in_days(10), time_zone="Africa/Nairobi")
    return kenya


def shared_max_age(response):
    directives = dict(
        d.strip().split("=", 1) for d in response["Cache-Control"].split(",") if "=" in d
    )
    return int(directives["s-maxage"])


@pytest.mark.parametrize(
    "url",
    ["/en/events/", "/en/events/webinar-soon/", "/en/", "/en/countries/kenya/"],
)
def test_pages_showing_events_are_kept_briefly(client, kenya, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert shared_max_age(response) <= settings.EVENTS_PAGE_SECONDS
    assert shared_max_age(client.get(url)) <= settings.EVENTS_PAGE_SECONDS


def test_pages_without_events_keep_the_usual_lifetime(client, kenya):
    response = client.get("/en/countries/")
    assert shared_max_age(response) == settings.PAGE_SHARED_MAX_AGE


def test_a_country_page_without_upcoming_events_keeps_the_usual_lifetime(client, kenya):
    build.country(kenya.get_parent(), "Ghana", "GH")
    response = client.get("/en/countries/ghana/")
    assert shared_max_age(response) == settings.PAGE_SHARED_MAX_AGE


def moved_clock(days):
    """Now, `days` from now: for what the portal does as time passes."""
    later = timezone.now() + datetime.timedelta(days=days)
    return mock.patch("django.utils.timezone.now", return_value=later)


@pytest.mark.parametrize("url", ["/en/", "/en/countries/kenya/"])
def test_listed_events_are_kept_until_the_first_one_ends(client, kenya, settings, url):
    # The page cache off: what the page shows when it is made, events from their cache.
    settings.PAGE_CACHE_SECONDS = 0
    make_event(kenya, "Training in Kenya", start=in_days(20))
    assert "Training in Kenya" in client.get(url).text

    with CaptureQueriesContext(connection) as warm:
        response = client.get(url)
    assert "Training in Kenya" in response.text
    assert not [q for q in warm.captured_queries if "events_eventpage" in q["sql"]]

    with moved_clock(days=15):  # the launch in Kenya (day 10) is over, with no publish
        response = client.get(url)
    assert "Launch in Kenya" not in response.text
    assert "Training in Kenya" in response.text


def test_a_page_is_kept_no_longer_than_its_first_listed_event(client, kenya, settings):
    # Both longer than the ten days until the launch in Kenya ends.
    settings.EVENTS_PAGE_SECONDS = settings.PAGE_SHARED_MAX_AGE = 10**7
    response = client.get("/en/countries/kenya/")
    assert "Launch in Kenya" in response.text
    assert 9 * 24 * 60 * 60 < shared_max_age(response) <= 11 * 24 * 60 * 60


def test_a_publish_shows_a_new_event_at_once_on_a_cached_list(client, kenya, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert "Peer support webinar" not in client.get("/en/").text
    make_event(events_index(kenya.get_parent().get_parent()), "Peer support webinar")
    assert "Peer support webinar" in client.get("/en/").text
