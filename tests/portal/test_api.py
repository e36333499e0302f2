"""The public read API: open, cacheable, read-only, and a 400 for every mistake."""

import pytest
from django.conf import settings as django_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def test_listing_is_public_cacheable_and_cors_enabled(client, portal_site):
    response = client.get("/api/v2/pages/?type=home.HomePage&fields=intro")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    data = response.json()
    assert data["meta"]["total_count"] == 19
    assert {item["meta"]["locale"] for item in data["items"]} == set(
        dict(django_settings.LANGUAGES)
    )


def test_locale_filter(client, portal_site):
    items = client.get("/api/v2/pages/?type=home.HomePage&locale=ar&fields=intro").json()["items"]
    assert len(items) == 1
    assert items[0]["intro"].startswith("تساعد")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_api_is_read_only(client, portal_site, method):
    response = getattr(client, method)(f"/api/v2/pages/{portal_site.pk}/")
    assert response.status_code == 405
    assert client.get(f"/api/v2/pages/{portal_site.pk}/").status_code == 200


@pytest.mark.parametrize(
    "query, message",
    [
        ("limit=1000000000", "limit cannot be higher than 100"),
        ("offset=-1", "offset must be a positive integer"),
        ("limit=abc", "limit must be a positive integer"),
        ("colour=blue", "query parameter is not an operation or a recognised field: colour"),
        ("fields=nope", "unknown fields: nope"),
        ("locale=xx", "unknown locale 'xx'"),
        ("type=nope.Nope", "type doesn't exist"),
        ("search=recovery", "search is disabled"),
    ],
)
def test_bad_input_is_a_400_with_a_message(client, portal_site, query, message):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)
    assert response["Access-Control-Allow-Origin"] == "*"


def test_listing_query_count_does_not_grow_with_items(client, portal_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    def count_queries():
        client.get("/api/v2/pages/?limit=100")  # warm the site root cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v2/pages/?limit=100").status_code == 200
        return len(queries)

    portal_site.add_child(instance=Page(title="First", slug="first"))
    few = count_queries()
    for n in range(40):
        portal_site.add_child(instance=Page(title=f"Page {n}", slug=f"page-{n}"))
    assert count_queries() == few


PARAMETERS = [
    "limit",
    "offset",
    "fields",
    "order",
    "type",
    "locale",
    "child_of",
    "descendant_of",
    "translation_of",
    "title",
    "slug",
    "search",
    "zzz",
]


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    params=st.dictionaries(
        st.sampled_from(PARAMETERS),
        st.one_of(st.text(max_size=40), st.integers(-(10**12), 10**12).map(str)),
        max_size=4,
    )
)
def test_any_filter_combination_is_answered_without_a_server_error(client, portal_site, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code in (200, 400), (params, response.content[:300])
    if response.status_code == 400:
        assert response.json()["message"]
