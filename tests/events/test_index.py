"""The events listing: upcoming soonest first, past newest first, facets with counts,
shareable GET URLs, bad input answered with a page and a message, constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.support import countries as build
from tests.support.events import events_index, in_days, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(portal_site):
    return events_index(portal_site)


@pytest.fixture
def calendar(index, portal_site):
    countries = build.country_index(portal_site)
    kenya = build.country(countries, "Kenya", "KE")
    make_event(index, "Webinar later", start=in_days(30), interpretation=("fr", "ils"))
    make_event(index, "Webinar soon", start=in_days(3), captions=("en",), topics=["recovery"])
    make_event(
        kenya,
        "Launch in Kenya",
        start=in_days(10),
        time_zone="Africa/Nairobi",
        format="in-person",
        venue_name="Hall",
        step_free_venue=True,
        registration_url="",
    )
    make_event(index, "Launch 2022", start=(datetime.date(2022, 4, 12), datetime.time(15)))
    make_event(index, "Training 2023", start=(datetime.date(2023, 5, 2), datetime.time(9)))
    return index


def titles(response):
    return [event.title for event in response.context["results"]]


def options(response, name):
    group = next((g for g in response.context["facets"] if g["name"] == name), None)
    return {o["slug"]: o["count"] for o in group["options"]} if group else {}


def test_upcoming_events_come_soonest_first_and_past_ones_on_their_own_view(client, calendar):
    response = client.get("/en/events/")
    assert titles(response) == ["Webinar soon", "Launch in Kenya", "Webinar later"]
    past = client.get("/en/events/?view=past")
    assert titles(past) == ["Training 2023", "Launch 2022"]
    assert "Past events" in past.content.decode()


def test_facets_count_each_value_under_the_other_filters(client, calendar):
    response = client.get("/en/events/")
    assert options(response, "format") == {"online": 2, "in-person": 1}
    assert options(response, "interpretation") == {"fr": 1, "ils": 1}
    assert options(response, "access") == {"sign-language": 1, "live-captions": 1, "step-free": 1}
    assert options(response, "country") == {"kenya": 1}
    filtered = client.get("/en/events/?format=online&interpretation=ils")
    assert titles(filtered) == ["Webinar later"]
    # The format facet still offers in-person, counted under the interpretation filter.
    assert options(filtered, "format") == {"online": 1}
    assert options(filtered, "interpretation") == {"fr": 1, "ils": 1}


def test_filters_combine_and_the_url_can_be_shared(client, calendar):
    url = "/en/events/?access=sign-language&access=live-captions&format=online"
    assert titles(client.get(url)) == ["Webinar soon", "Webinar later"]
    month = in_days(10)[0].strftime("%Y-%m")
    assert titles(client.get(f"/en/events/?month={month}&country=kenya")) == ["Launch in Kenya"]
    assert titles(client.get("/en/events/?view=past&month=2022-04")) == ["Launch 2022"]


def test_a_restricted_or_draft_event_is_listed_nowhere(client, calendar):
    secret = make_event(calendar, "Secret", start=in_days(5))
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    draft = make_event(calendar, "Draft", start=in_days(6))
    draft.unpublish()
    response = client.get("/en/events/")
    assert "Secret" not in titles(response) and "Draft" not in titles(response)
    assert options(response, "format") == {"online": 2, "in-person": 1}


@pytest.mark.parametrize(
    "query",
    [
        "month=13",
        "month=2022-13",
        "country=atlantis",
        "format=teleport",
        "interpretation=klingon",
        "access=x",
        "view=yesterday",
        "page=abc",
        "page=999999999999",
        "language=" + "x" * 5000,
        "month=%00",
    ],
)
def test_bad_input_gives_the_page_with_a_message_never_an_error(client, calendar, query):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 200
    name = query.split("=")[0]
    if name not in ("page", "view"):
        assert "was not understood" in response.content.decode()


def test_the_arabic_listing_shows_english_events_not_yet_translated(client, calendar):
    response = client.get("/ar/events/")
    assert response.status_code == 200
    assert titles(response) == ["Webinar soon", "Launch in Kenya", "Webinar later"]
    assert 'lang="en"' in response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_events(client, index, settings):
    settings.PAGE_CACHE_SECONDS = 0  # count the listing's queries, not the page cache's

    def add(n, start):
        for number in range(start, start + n):
            make_event(
                index,
                f"Event {number}",
                start=in_days(1 + number % 20),
                interpretation=("fr", "ils"),
                captions=("en",),
                topics=["recovery"],
            )

    urls = [
        "/en/events/?interpretation=ils",
        "/fr/events/?access=sign-language&month=" + in_days(3)[0].strftime("%Y-%m"),
        "/en/",
        "/en/events/event-0/",
        "/en/events/calendar.ics",
        "/en/feeds/events/",
        "/api/v2/events/?fields=start,interpretation_codes",
    ]

    def counts():
        for url in urls:
            client.get(url)  # site and locale look-ups cached, as on every later request
        return {url: count_queries(client, url) for url in urls}

    add(5, 0)
    five = counts()
    add(45, 5)
    assert counts() == five
