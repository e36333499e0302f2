"""Pages are found by their path in one query (home/routing.py) and answer as Wagtail's
own walk would: unknown or unpublished pages are 404, a restricted page asks for its
password, a resource still routes its own download paths, an untranslated page falls
back to English."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.support import countries as build


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def kenya(portal_site):
    return build.country(build.country_index(portal_site), "Kenya", "KE")


def test_a_deep_page_is_found_whatever_its_depth(client, kenya):
    story = build.story(kenya, "Peer support")
    # The first request: the next one is routed from the process's copy (core/routes.py).
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/countries/kenya/peer-support/")
    assert response.status_code == 200
    assert response.context["page"] == story
    routing = [q for q in queries.captured_queries if '"url_path" IN' in q["sql"]]
    assert len(routing) == 1  # the three levels at once


@pytest.mark.parametrize(
    "path",
    ["/en/countries/nowhere/", "/en/countries/kenya/nowhere/", "/en/nowhere/deeper/"],
)
def test_an_unknown_path_is_not_found(client, kenya, path):
    assert client.get(path).status_code == 404


def test_an_unpublished_page_is_not_found(client, kenya):
    story = build.story(kenya, "Draft story")
    story.unpublish()
    assert client.get("/en/countries/kenya/draft-story/").status_code == 404


@pytest.mark.parametrize("restricted", ["page", "ancestor"])
def test_a_restricted_page_asks_for_its_password(client, kenya, restricted):
    story = build.story(kenya, "Private story")
    PageViewRestriction.objects.create(
        page=story if restricted == "page" else kenya, restriction_type="password", password="x"
    )
    body = client.get("/en/countries/kenya/private-story/").content.decode()
    assert "Private story summary." not in body
    assert 'name="password"' in body


def test_a_restriction_in_the_arabic_tree_still_applies_through_aliases(client, kenya):
    """The Arabic tree holds an alias of the countries index (copied parent): the
    restriction is on the English source, and Wagtail's check still runs."""
    build.translate(kenya, "ar", title="كينيا")
    PageViewRestriction.objects.create(
        page=kenya.get_parent(), restriction_type="password", password="x"
    )
    body = client.get("/ar/countries/kenya/").content.decode()
    assert 'name="password"' in body


def test_an_untranslated_page_falls_back_to_english(client, kenya):
    response = client.get("/fr/countries/kenya/")
    assert response.status_code == 200
    assert response.context["page"] == kenya


@pytest.mark.django_db
def test_the_page_table_has_an_index_on_url_path_that_routing_uses():
    # Without it every page served from the database scans the page table
    # (home/migrations/0003_page_url_path_index.py).
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert any(c["index"] and c["columns"] == ["url_path"] for c in constraints.values())
