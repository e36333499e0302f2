"""A visitor's page is routed from the process's copy (core/routes.py): no query to find
it again, and never a stale answer: a publish, an unpublish, a move, a restriction or a
change made by another process is seen on the next request."""

import pickle

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from core import freshness, routes
from countries.models import CountryPage
from tests.support import countries as build
from tests.support.resources import make_resource


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def kenya(portal_site):
    return build.country(build.country_index(portal_site), "Kenya", "KE")


def routing_queries(client, url, **extra):
    """The response and the queries Wagtail's routing makes: the visitor's locale, the
    pages along the path, the page as its own type."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    sql = [q["sql"] for q in context.captured_queries]
    routing = [
        s
        for s in sql
        if '"url_path" IN' in s
        or ('FROM "wagtailcore_locale"' in s and '"language_code" =' in s)
        or ('"wagtailcore_page"."id" =' in s and "LIMIT 21" in s)
    ]
    return response, routing


def test_a_page_asked_for_again_is_routed_without_a_query(client, kenya):
    story = build.story(kenya, "Peer support")
    url = "/en/countries/kenya/peer-support/"
    response, first = routing_queries(client, url)
    assert response.status_code == 200 and first
    response, again = routing_queries(client, url)
    assert response.status_code == 200 and again == []
    assert response.context["page"] == story
    assert "Peer support summary." in response.content.decode()


def test_each_request_gets_its_own_copy_of_the_page(client, kenya):
    build.story(kenya, "Peer support")
    url = "/en/countries/kenya/peer-support/"
    first = client.get(url).context["page"]
    second = client.get(url).context["page"]
    assert first == second and first is not second
    assert type(second).__name__ == "StoryPage"


def test_a_kept_route_is_per_language(client, kenya):
    """The French tree has no Kenya: its path falls back to the English page, and the
    Arabic translation is served in Arabic, each from its own copy."""
    build.translate(kenya, "ar", title="كينيا")
    for _ in range(2):
        assert client.get("/fr/countries/kenya/").context["page"].locale.language_code == "en"
        assert client.get("/ar/countries/kenya/").context["page"].title == "كينيا"
        assert client.get("/en/countries/kenya/").context["page"].title == "Kenya"


def test_a_publish_unpublish_and_move_are_seen_on_the_next_request(client, kenya, portal_site):
    story = build.story(kenya, "Peer support")
    url = "/en/countries/kenya/peer-support/"
    client.get(url)
    story.title = "Peer support, renewed"
    story.save_revision().publish()
    assert client.get(url).context["page"].title == "Peer support, renewed"
    story.unpublish()
    assert client.get(url).status_code == 404
    story.save_revision().publish()
    assert client.get(url).status_code == 200
    other = build.country(kenya.get_parent(), "Ghana", "GH")
    story.move(other, pos="last-child")
    moved = client.get(url)  # Wagtail's redirect from the old path, not the kept page
    assert moved.status_code == 301
    assert moved["Location"] == "/en/countries/ghana/peer-support/"
    assert client.get("/en/countries/ghana/peer-support/").status_code == 200


def test_a_change_made_by_another_process_is_seen(client, kenya):
    """Another process publishes: the rows change and the shared content version with
    them, while this process keeps its copy. The copy is not used under the new version."""
    story = build.story(kenya, "Peer support")
    url = "/en/countries/kenya/peer-support/"
    client.get(url)
    Page.objects.filter(pk=story.pk).update(title="Changed elsewhere")
    freshness.changed()
    assert client.get(url).context["page"].title == "Changed elsewhere"


@pytest.mark.parametrize("restricted", ["page", "ancestor"])
def test_a_restriction_added_after_a_visit_asks_for_the_password(client, kenya, restricted):
    story = build.story(kenya, "Private story")
    url = "/en/countries/kenya/private-story/"
    assert "Private story summary." in client.get(url).content.decode()
    PageViewRestriction.objects.create(
        page=story if restricted == "page" else kenya, restriction_type="password", password="x"
    )
    for _ in range(2):  # routed afresh, then from the copy: the check runs both times
        body = client.get(url).content.decode()
        assert "Private story summary." not in body
        assert 'name="password"' in body


def test_an_editor_is_routed_as_wagtail_does(client, kenya, django_user_model):
    build.story(kenya, "Peer support")
    url = "/en/countries/kenya/peer-support/"
    client.get(url)
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    response, routing = routing_queries(client, url)
    assert response.status_code == 200 and routing


def test_a_resource_is_kept_with_its_own_route_and_not_its_downloads(client, library):
    guide = make_resource(library, "Recovery guide")
    url = "/en/resources/recovery-guide/"
    client.get(url)
    response, routing = routing_queries(client, url)
    assert response.status_code == 200 and routing == []
    # As RoutablePageMixin.route sets it for the page's own URL.
    assert response.wsgi_request.routable_resolver_match.url_name == "index_route"
    file = guide.files.get()
    download = f"/en/resources/recovery-guide/download/{file.pk}/"
    for _ in range(2):
        response, routing = routing_queries(client, download)
        assert response.status_code == 302 and routing
    assert client.get("/en/resources/recovery-guide/download/999999/").status_code == 404


def test_paths_that_route_nowhere_are_not_kept(client, kenya):
    client.get("/en/countries/kenya/")
    for number in range(5):
        assert client.get(f"/en/countries/made-up-{number}/").status_code == 404
    assert [key[2] for key in routes._copies[1]] == ["countries/kenya/"]


def test_the_copies_are_bounded(client, kenya, monkeypatch):
    monkeypatch.setattr(routes, "MAX_ROUTES", 5)
    for number in range(3):
        build.story(kenya, f"Story {number}")
    urls = [
        f"/{language}/countries/{rest}"
        for language in ("en", "fr", "ar")
        for rest in ("", "kenya/", "kenya/story-0/", "kenya/story-1/", "kenya/story-2/")
    ]
    for url in urls:
        assert client.get(url).status_code == 200
        assert len(routes._copies[1]) <= 5


class Unpicklable:
    def __init__(self, error):
        self.error = error

    def __reduce__(self):
        raise self.error


@pytest.mark.parametrize(
    "held",
    [
        lambda: None,  # pickle cannot copy a lambda
        Unpicklable(pickle.PickleError("StreamValue: not tied to a field")),
        Unpicklable(RecursionError()),
    ],
)
def test_a_page_that_cannot_be_copied_is_routed_each_time(client, kenya, monkeypatch, held, caplog):
    def route(page, request, components):
        page.held = held
        return Page.route(page, request, components)

    monkeypatch.setattr(CountryPage, "route", route)
    for _ in range(3):
        response, routing = routing_queries(client, "/en/countries/kenya/")
        assert response.status_code == 200 and routing
    assert list(routes._copies[1].values()) == [b""]
    # Logged once per version, not on every request.
    assert caplog.text.count("Route to countries/kenya/ not kept") == 1


def test_the_copies_are_bounded_in_bytes(client, kenya, monkeypatch):
    build.story(kenya, "Peer support")
    client.get("/en/countries/")
    size = routes._copies[2][0]
    assert size == len(routes._copies[1][(kenya.get_site().pk, "en", "countries/")])
    monkeypatch.setattr(routes, "MAX_BYTES", size + 100)
    for url in ("/en/countries/kenya/", "/en/countries/kenya/peer-support/"):
        assert client.get(url).status_code == 200
        assert routes._copies[2][0] <= size + 100
    assert len(routes._copies[1]) == 1
