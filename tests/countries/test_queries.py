"""Listings run the same number of queries for 5 items as for 50."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from countries.worldmap import shapes
from tests.support import countries as build

CODES = sorted(shapes()["shapes"])  # countries drawn on the map


def query_count(client, url):
    client.get(url)  # warms the site-root cache, as any earlier visitor would have
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
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
