"""Listings run the same number of queries for 5 items as for 50."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from countries.worldmap import shapes
from tests.support import countries as build

CODES = sorted(shapes()["shapes"])  # countries drawn on the map


@pytest.fixture(autouse=True)
def rendered_each_time(settings):
    """The page cache off: a hit runs no query, and 0 == 0 would prove nothing."""
    settings.PAGE_CACHE_SECONDS = 0


def query_count(client, url):
    client.get(url)  # warms the site-root cache, as any earlier visitor would have
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(queries) > 0
    return len(queries)


def add_countries(index, start, stop):
    for number in range(start, stop):
        status = ["planning", "implementing", "scaling-up"][number % 3]
        build.country(index, f"Country {number:02d}", CODES[number], status=status)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_country_index_queries_do_not_grow_with_countries(client, portal_site, language):
    index = build.country_index(portal_site)
    add_countries(index, 0, 5)
    url = f"/{language}/countries/?region=afr"
    few = query_count(client, url)
    add_countries(index, 5, 50)
    assert query_count(client, url) == few
    assert client.get(url).content.decode().count('class="world-map__link"') == 50


@pytest.mark.parametrize("language", ["en", "ar"])
def test_story_listing_queries_do_not_grow_with_stories(client, portal_site, language):
    build.story_index(portal_site)
    index = build.country_index(portal_site)
    kenya = build.country(index, "Kenya", "KE")
    ghana = build.country(index, "Ghana", "GH")

    def add_stories(start, stop):
        for number in range(start, stop):
            build.story(
                [kenya, ghana][number % 2],
                f"Story {number:02d}",
                date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            )

    add_stories(0, 5)
    build.translate(kenya, "ar", title="كينيا")
    url = f"/{language}/stories/?objective=capacity"
    few = query_count(client, url)
    add_stories(5, 50)
    assert query_count(client, url) == few
    assert "Story 49" in client.get(url).content.decode()


def test_story_countries_are_named_through_index_look_ups(client, portal_site):
    """The countries of the listed stories and their Arabic titles come from one UNION of
    two look-ups (parents by path, translations by key): as one filter with OR across
    them, PostgreSQL read the whole page table on every home and stories page."""
    build.story_index(portal_site)
    index = build.country_index(portal_site)
    kenya = build.country(index, "Kenya", "KE")
    build.story(kenya, "Story one", date=datetime.date(2024, 1, 1))
    build.translate(kenya, "ar", title="كينيا")
    client.get("/ar/stories/")
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/ar/stories/").content.decode()
    assert "· كينيا</p>" in body  # the story card's country, in Arabic
    unions = [q["sql"] for q in queries.captured_queries if " UNION " in q["sql"]]
    assert len(unions) == 1
    assert " OR " not in unions[0]
