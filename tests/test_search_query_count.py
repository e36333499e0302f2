"""The results page costs the same number of database queries whatever the number of
results: a short list, a full page, many pages, in one language or in all."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.search_support import add_page

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warms the caches (site root paths, content types) and the query log
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
