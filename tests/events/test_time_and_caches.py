"""Pages that show events change as time passes (an event starts, ends, its joining
details appear), not only on a publish: the page cache and CDNs keep them at most
EVENTS_PAGE_SECONDS, other pages keep the usual lifetime."""

import pytest
from django.conf import settings

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
