"""The API's resources endpoint: the library's filters, taxonomy, language versions and
country indicators as fields, a 400 for every unknown value, constant query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from core.taxonomy import Topic
from tests.support.countries import add_values, country, country_index, indicator_type
from tests.support.resources import make_resource

FIELDS = "fields=taxonomy,countries,language_versions,summary"


@pytest.fixture
def topics(db):
    english = Locale.objects.get(language_code="en")
    for slug in ("recovery", "legal-capacity"):
        Topic.objects.get_or_create(locale=english, slug=slug, defaults={"name": slug.title()})


@pytest.fixture
def catalogue(library, topics, portal_site):
    kenya = country(country_index(portal_site), "Kenya", "KE")
    guide = make_resource(library, "Recovery guide", topics=["recovery"], files=("en", "fr"))
    guide.countries = [kenya]
    guide.save_revision().publish()
    make_resource(library, "Training video", kind="video", topics=["legal-capacity"])
    return kenya


def items(client, query):
    response = client.get(f"/api/v2/resources/?{query}")
    assert response.status_code == 200, response.content[:300]
    return response.json()["items"]


def test_filters_use_the_library_slugs(client, catalogue):
    assert [i["title"] for i in items(client, "topic=recovery")] == ["Recovery guide"]
    assert [i["title"] for i in items(client, "type=video")] == ["Training video"]
    assert [i["title"] for i in items(client, "language=fr")] == ["Recovery guide"]
    assert [i["title"] for i in items(client, "country=kenya")] == ["Recovery guide"]
    assert len(items(client, "topic=recovery,legal-capacity")) == 2
    assert items(client, "topic=recovery&type=video") == []


def test_fields_expose_taxonomy_countries_and_downloads(client, catalogue):
    (item,) = items(client, f"topic=recovery&{FIELDS}")
    assert item["taxonomy"]["type"] == {"slug": "guidance", "name": "Guidance"}
    assert item["taxonomy"]["topics"] == [{"slug": "recovery", "name": "Recovery"}]
    assert item["countries"] == [{"slug": "kenya", "name": "Kenya", "iso_code": "KE"}]
    versions = {v["language"]: v for v in item["language_versions"]}
    assert set(versions) == {"en", "fr"}
    url = versions["fr"]["download_url"]
    site_url = "http://127.0.0.1:8000"
    assert url.startswith(f"{site_url}/en/resources/recovery-guide/download/")
    assert versions["fr"]["format"] == "PDF"
    download = client.get(url.removeprefix(site_url))
    assert download.status_code == 302


def test_country_pages_expose_their_indicators(client, portal_site):
    kenya = country(country_index(portal_site), "Kenya", "KE")
    add_values(kenya, indicator_type(), [(datetime.date(2024, 3, 1), 1200)])
    response = client.get("/api/v2/pages/?type=countries.CountryPage&fields=iso_code,indicators")
    (item,) = response.json()["items"]
    assert item["iso_code"] == "KE"
    assert item["indicators"] == [
        {
            "indicator": "etraining-completed",
            "name": "E-training learners completed",
            "date": "2024-03-01",
            "value": 1200,
            "source": "sample data",
        }
    ]


@pytest.mark.parametrize(
    "query, message",
    [
        ("topic=nope", "unknown topic 'nope'; use one or more of: "),
        ("type=nope", "unknown type 'nope'"),
        ("country=atlantis", "unknown country 'atlantis'"),
        ("language=xx", "unknown language 'xx'"),
        ("audience=,", "unknown audience"),
        ("countries=abc", "field filter error"),
        ("publication_date=yesterday", "field filter error"),
        ("fields=colour", "unknown fields: colour"),
    ],
)
def test_unknown_values_are_a_400_with_a_message(client, catalogue, query, message):
    response = client.get(f"/api/v2/resources/?{query}")
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)


def test_listing_query_count_does_not_grow_with_items(client, library, topics):
    def count_queries():
        client.get(f"/api/v2/resources/?limit=100&{FIELDS}")  # warm the site root cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/v2/resources/?limit=100&topic=recovery&{FIELDS}")
            assert response.status_code == 200
        return len(queries), len(response.json()["items"])

    make_resource(library, "Resource 0", topics=["recovery"], files=("en", "fr"))
    few, n = count_queries()
    assert n == 1
    for i in range(1, 11):
        make_resource(library, f"Resource {i}", topics=["recovery"], files=("en", "fr"))
    assert count_queries() == (few, 11)


SLUGS = ["recovery", "legal-capacity", "guidance", "video", "kenya", "en", "fr", "nope", ""]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(["type", "topic", "audience", "language", "country", "limit", "zz"]),
        st.one_of(
            st.lists(st.sampled_from(SLUGS), max_size=3).map(",".join),
            st.text(max_size=20),
        ),
        max_size=4,
    )
)
def test_any_filter_combination_is_a_200_or_a_400(client, catalogue, params):
    response = client.get("/api/v2/resources/", params)
    assert response.status_code in (200, 400), (params, response.content[:300])
    if response.status_code == 400:
        assert response.json()["message"]
