"""The request's Wagtail site is found without a query (core/sites.py), and a changed
Site is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from core import freshness, sites
from tests.support import countries as build


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


def site_queries(client, url="/en/", **headers):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **headers)
    # Wagtail's lookup by host and port (not its cached list of site root paths).
    found = [
        q for q in context.captured_queries if "wagtailcore_site" in q["sql"] and "CASE" in q["sql"]
    ]
    return response, len(found)


def test_a_page_asked_for_again_does_not_look_the_site_up(client, portal_site):
    assert site_queries(client)[1] == 1
    response, queries = site_queries(client)
    assert response.status_code == 200 and queries == 0
    assert response.wsgi_request._wagtail_site == Site.objects.get(is_default_site=True)


def test_a_changed_site_is_seen_on_the_next_request(client, portal_site, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
    site_queries(client)
    default = Site.objects.get(is_default_site=True)
    default.site_name = "Renamed portal"
    default.save()
    response, queries = site_queries(client)
    assert queries == 1 and response.wsgi_request._wagtail_site.site_name == "Renamed portal"
    # A second site for another host: its requests get it, the default's theirs.
    Site.objects.create(hostname="other.example.org", root_page=portal_site, site_name="Other")
    response, _ = site_queries(client, HTTP_HOST="other.example.org")
    assert response.wsgi_request._wagtail_site.site_name == "Other"
    response, _ = site_queries(client)
    assert response.wsgi_request._wagtail_site.site_name == "Renamed portal"


def test_each_request_gets_its_own_copy(client, portal_site):
    first = client.get("/en/").wsgi_request._wagtail_site
    second = client.get("/en/").wsgi_request._wagtail_site
    assert first == second and first is not second
    assert first.root_page is not second.root_page


def test_made_up_host_names_do_not_grow_the_process_memory(client, portal_site, settings):
    settings.ALLOWED_HOSTS = ["*"]
    for number in range(sites.MAX_HOSTS * 2):
        assert client.get("/en/", HTTP_HOST=f"h{number}.example.org").status_code == 200
    assert len(sites._copies[1]) <= sites.MAX_HOSTS


def test_a_host_not_allowed_is_refused_before_the_lookup(client, portal_site, monkeypatch):
    monkeypatch.setattr(sites, "_copies", (None, {}))
    assert client.get("/en/", HTTP_HOST="attacker.example.org").status_code == 400
    assert sites._copies == (None, {})


def test_the_home_page_kept_with_the_site_is_never_stale(client, portal_site):
    """The root page is kept with the site, as its own type: a new title on the home page,
    in English or in Arabic, is served on the next request."""
    assert client.get("/en/").status_code == 200
    portal_site.title = "A new home title"
    portal_site.save_revision().publish()
    assert "A new home title" in client.get("/en/").content.decode()
    arabic = portal_site.get_translation(Locale.objects.get(language_code="ar"))
    assert client.get("/ar/").status_code == 200
    arabic.title = "عنوان جديد"
    arabic.save_revision().publish()
    assert "عنوان جديد" in client.get("/ar/").content.decode()


def test_page_urls_come_from_the_kept_site_root_paths(client, portal_site, monkeypatch):
    """Wagtail reads its site root paths from the shared cache once per request that makes
    a page's URL: they are kept with the site, and a changed site is seen at once."""
    client.get("/en/")
    made, wagtails = [], []
    original = sites.root_paths_from_database
    monkeypatch.setattr(sites, "root_paths_from_database", lambda: made.append(1) or original())
    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(lambda: wagtails.append(1) or []))
    body = client.get("/en/").content.decode()
    assert made == [] and '<link rel="canonical" href="http://127.0.0.1:8000/en/">' in body
    default = Site.objects.get(is_default_site=True)
    default.hostname, default.port = "portal.example.org", 443
    default.save()
    body = client.get("/en/").content.decode()
    assert made == [1] and wagtails == []
    assert '<link rel="canonical" href="https://portal.example.org/en/">' in body


def test_the_kept_root_paths_come_from_the_database(client, portal_site):
    """Wagtail empties its shared entry before a change commits, and a request in between
    can fill it again with the old rows: the copy made under a new version does not
    read that entry."""
    from django.core.cache import cache
    from wagtail.models.sites import (
        SITE_ROOT_PATHS_CACHE_KEY,
        SITE_ROOT_PATHS_CACHE_VERSION,
        SiteRootPath,
    )

    client.get("/en/")
    stale = [SiteRootPath(portal_site.get_site().pk, "/home/", "https://old.example.org", "en")]
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, stale, version=SITE_ROOT_PATHS_CACHE_VERSION)
    freshness.changed()
    body = client.get("/en/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/en/">' in body
    assert "old.example.org" not in body


def test_the_root_paths_read_from_the_database_are_wagtails(portal_site, settings):
    """The copy lists what Wagtail's own `get_site_root_paths` lists, in its order: with
    a second site whose root is deeper, and every language's home page."""
    from django.core.cache import cache

    settings.ALLOWED_HOSTS = ["*"]
    section = build.country_index(portal_site)
    Site.objects.create(hostname="section.example.org", root_page=section, site_name="Section")
    cache.clear()  # Wagtail's list made afresh
    wagtails = Site.get_site_root_paths()
    assert len(wagtails) > len(settings.LANGUAGES)
    assert sites.root_paths_from_database() == wagtails
