"""The results page costs the same number of database queries whatever the number of
results: a short list, a full page, many pages, in one language or in all, with plain
pages or with resources and stories (specific pages, every facet)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import facet_cache
from tests.support.countries import country, country_index, story
from tests.support.resources import make_resource
from tests.support.search import add_page

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warms the caches (site root paths, content types) and the query log
    facet_cache.forget()  # but count the facets again: their queries are under test
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def add_pages(codes, count, word):
    for i in range(count):
        add_page(codes[i % len(codes)], f"{word} guide {i}", f"{word}-guide-{i}")


@pytest.mark.parametrize("across", ["", "1"])
def test_constant_queries_for_few_or_many_results(client, portal_site, across):
    codes = ["en", "fr", "ar"] if across else ["en"]
    add_pages(codes, 3, "lantern")
    add_pages(codes, 100, "compass")
    few, few_response = queries_for(client, f"/en/search/?q=lantern&all_languages={across}")
    many, many_response = queries_for(client, f"/en/search/?q=compass&all_languages={across}")
    assert "3 results" in few_response.text
    assert "100 results" in many_response.text
    assert many == few


def test_constant_queries_with_resources_and_stories(client, library, portal_site):
    """Specific pages and every facet (type, topic, country, language) in the results."""
    kenya = country(country_index(portal_site), "Kenya", "KE")

    def add(word, resources, stories):
        for i in range(resources):
            make_resource(
                library,
                f"{word} resource {i}",
                files=(),
                links=("fr", "ar")[: 1 + i % 2],
                topics=["recovery"] if i % 2 else ["peer-support"],
                kind="poster" if i % 3 else "guidance",
                countries=[kenya],
            )
        for i in range(stories):
            story(kenya, f"{word} story {i}")

    add("lantern", 2, 1)
    add("compass", 95, 5)  # stories rank first (shorter): page 1 holds both kinds
    few, few_response = queries_for(client, "/en/search/?q=lantern")
    many, many_response = queries_for(client, "/en/search/?q=compass")
    assert "3 results" in few_response.text
    assert "100 results" in many_response.text
    assert {
        group["facet"].param for group in many_response.context["facets"] if group["options"]
    } >= {
        "content",
        "type",
        "topic",
        "country",
        "language",
    }
    assert many == few
    filtered = "&type=poster&topic=recovery&country=kenya&language=fr"
    few_filtered, _ = queries_for(client, f"/en/search/?q=lantern{filtered}")
    many_filtered, _ = queries_for(client, f"/en/search/?q=compass{filtered}")
    assert many_filtered == few_filtered
