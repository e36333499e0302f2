"""Where the countries and the library meet: the country facet, a country's resources,
a story's related resources and its "link to a resource" block."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.countries import country, country_index, publish, story, translate
from tests.support.resources import make_resource


@pytest.fixture
def kenya(portal_site):
    return country(country_index(portal_site), "Kenya", "KE")


@pytest.fixture
def ghana(portal_site):
    return country(country_index(portal_site), "Ghana", "GH")


def tag(resource, *countries):
    resource.countries = list(countries)
    return publish(resource)


def test_library_filters_by_country_slug_with_counts(client, library, kenya, ghana):
    tag(make_resource(library, "Kenya toolkit"), kenya)
    tag(make_resource(library, "Shared guidance"), kenya, ghana)
    make_resource(library, "Untagged guidance")
    response = client.get("/en/resources/?country=kenya")
    titles = [r.title for r in response.context["results"]]
    assert sorted(titles) == ["Kenya toolkit", "Shared guidance"]
    country_facet = next(g for g in response.context["facets"] if g["name"] == "country")
    counts = {option["slug"]: option["count"] for option in country_facet["options"]}
    assert counts == {"kenya": 2, "ghana": 1}
    both = client.get("/en/resources/?country=kenya&country=ghana").context["results"]
    assert len(both) == 2  # OR within the facet, each resource once


def test_country_facet_is_labelled_in_the_visitors_language(client, library, kenya):
    tag(make_resource(library, "Kenya toolkit"), kenya)
    translate(kenya, "fr", title="Kenya (fr)")
    response = client.get("/fr/resources/?country=kenya")
    assert [r.title for r in response.context["results"]] == ["Kenya toolkit"]
    assert "Kenya (fr)" in response.content.decode()


def test_unknown_country_is_ignored_with_a_message(client, library, kenya):
    make_resource(library, "Any guidance")
    response = client.get("/en/resources/?country=atlantis")
    assert response.status_code == 200
    assert len(response.context["results"]) == 1
    assert 'role="alert"' in response.content.decode()


def test_country_page_lists_its_resources_and_links_to_the_library(client, library, kenya):
    tag(make_resource(library, "Kenya toolkit"), kenya)
    make_resource(library, "Untagged guidance")
    body = client.get("/en/countries/kenya/").content.decode()
    section = body[body.index('id="resources-title"') :]
    assert "Kenya toolkit" in section and "Untagged guidance" not in section
    assert 'href="/en/resources/?country=kenya"' in section
    # Under another prefix the link keeps the English slug and the visitor's language.
    body = client.get("/ar/countries/kenya/").content.decode()
    assert 'href="/ar/resources/?country=kenya"' in body


def test_country_page_queries_do_not_grow_with_its_resources(client, library, kenya, settings):
    settings.PAGE_CACHE_SECONDS = 0  # a hit runs no query: count the page's own

    def count():
        client.get("/en/countries/kenya/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/countries/kenya/")
        assert queries
        return len(queries)

    tag(make_resource(library, "First"), kenya)
    few = count()
    for n in range(8):
        tag(make_resource(library, f"More {n}"), kenya)
    assert count() == few


def test_story_shows_related_resources_and_resource_links_in_the_visitors_language(
    client, library, kenya
):
    from countries.models import StoryRelatedResource

    toolkit = make_resource(library, "Assessment toolkit")
    translate(toolkit, "fr", title="Boîte à outils d'évaluation")
    peer = make_resource(library, "Peer support guidance")
    page = story(
        kenya,
        "Peer supporters",
        body=json.dumps(
            [{"type": "resource_link", "value": {"resource": toolkit.pk, "note": "Read it."}}]
        ),
    )
    page.related_resources = [StoryRelatedResource(resource=peer)]
    publish(page)
    body = client.get("/fr/countries/kenya/peer-supporters/").content.decode()
    assert (
        '<a href="/fr/resources/assessment-toolkit/">Boîte à outils d&#x27;évaluation</a>' in body
    )
    related = body[body.index('id="related-title"') :]
    assert 'href="/fr/resources/peer-support-guidance/" lang="en"' in related
