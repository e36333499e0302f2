"""The home page's featured stories and resources, and its figures from the content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import FeaturedResource, FeaturedStory
from tests.support.countries import (
    add_values,
    country,
    country_index,
    indicator_type,
    publish,
    story,
    translate,
)
from tests.support.resources import make_resource


@pytest.fixture
def kenya(portal_site):
    return country(country_index(portal_site), "Kenya", "KE")


def titles(response, key):
    return [page.title for page in response.context[key]]


def test_without_a_choice_the_latest_stories_and_resources_are_shown(client, kenya, library):
    for day in range(1, 6):
        story(kenya, f"Story {day}", date=datetime.date(2024, 1, day))
    for year in (2019, 2020, 2021, 2022):
        make_resource(library, f"Guide {year}", year=year)
    response = client.get("/en/")
    assert titles(response, "featured_stories") == ["Story 5", "Story 4", "Story 3"]
    assert titles(response, "featured_resources") == ["Guide 2022", "Guide 2021", "Guide 2020"]


def test_editors_choice_in_their_order_and_in_the_visitors_language(
    client, portal_site, kenya, library
):
    first, second, _third = (story(kenya, f"Story {n}") for n in (1, 2, 3))
    translate(second, "fr", title="Récit 2")
    guide = make_resource(library, "Chosen guide")
    make_resource(library, "Newer guide", year=2024)
    portal_site.featured_stories = [
        FeaturedStory(story=second, sort_order=0),
        FeaturedStory(story=first, sort_order=1),
    ]
    portal_site.featured_resources = [FeaturedResource(resource=guide)]
    publish(portal_site)

    response = client.get("/fr/")
    assert titles(response, "featured_stories") == ["Récit 2", "Story 1"]
    assert titles(response, "featured_resources") == ["Chosen guide"]
    body = response.content.decode()
    assert 'href="/fr/countries/kenya/story-1/" lang="en"' in body


def test_indicator_totals_say_when_they_are_sample_data(client, kenya):
    kind = indicator_type()
    add_values(kenya, kind, [(datetime.date(2023, 12, 31), 100), (datetime.date(2024, 6, 30), 250)])
    publish(kenya)
    response = client.get("/en/")
    figure = response.context["indicator_figures"][0]
    assert (figure["value"], figure["label"], figure["sample"]) == (
        250,
        "E-training learners completed",
        True,
    )
    assert "sample data</strong>" in response.content.decode()


def test_home_page_queries_do_not_grow_with_content(client, portal_site, kenya, library, settings):
    settings.PAGE_CACHE_SECONDS = 0  # a hit runs no query: count the page's own

    def count():
        client.get("/fr/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fr/").status_code == 200
        assert queries
        return len(queries)

    story(kenya, "Only story")
    make_resource(library, "Only guide")
    few = count()
    for n in range(12):
        story(kenya, f"More {n}")
        make_resource(library, f"Guide {n}")
    assert count() == few
