"""The page cache (core/page_cache.py): anonymous public pages served with no query,
never stale after a change, never for what must stay private, bounded by the parameters
the portal knows; and the HTTP headers that let browsers and CDNs keep pages."""

import datetime
import gzip

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.http import http_date, parse_http_date
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from core import freshness
from countries.forms import STORY_FACETS, CountryFilterForm, StoryFilterForm
from resources.facets import FACETS as LIBRARY_FACETS
from resources.forms import LibraryFilterForm
from resources.models import DownloadCount, ResourceType
from search.models import SearchQueryDay
from sitesearch.facets import FACETS as SEARCH_FACETS
from tests.support.countries import country, country_index, story, story_index, translate
from tests.support.resources import make_resource

STORY_DATE = datetime.date(2024, 5, 1)


@pytest.fixture
def world(library):
    home = library.get_parent()
    library.save_revision().publish()
    countries = country_index(home)
    story_index(home)
    kenya = country(countries, "Kenya", "KE")
    first = story(kenya, "Peer support in Nairobi", date=STORY_DATE)
    translate(first, "fr", title="Soutien par les pairs à Nairobi")
    resource = make_resource(library, "Peer groups", topics=["recovery"], files=("en", "ar"))
    return {"home": home, "library": library, "kenya": kenya, "resource": resource}


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code in (200, 304), (url, response.status_code)
    return response


PUBLIC_URLS = [
    "/en/",
    "/ar/",
    "/en/countries/",
    "/en/countries/kenya/",
    "/en/countries/kenya/peer-support-in-nairobi/",
    "/en/stories/",
    "/en/resources/",
    "/en/resources/?type=guidance&topic=recovery&language=en",
    "/ar/resources/peer-groups/",
    "/en/search/?q=peer",
    "/en/feeds/stories/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_a_hit_makes_no_database_query(client, world, url):
    assert get(client, url)["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = get(client, url)
    assert response["X-Page-Cache"] == "hit"
    # The site search still counts the search for its report (the next test).
    sql = [q["sql"] for q in queries.captured_queries if "searchqueryday" not in q["sql"]]
    assert sql == []
    assert len(queries) == (2 if "/search/" in url else 0)


def test_a_search_answered_from_the_cache_is_still_counted(client, world):
    for _ in range(3):
        get(client, "/en/search/?q=peer")
    get(client, "/en/search/?q=peer&page=1")  # a further page is not a new search
    row = SearchQueryDay.objects.get(query="peer")
    assert row.searches == 3


# Set for each answer rather than kept with the page.
# (Compressed, the miss carries Django's random padding against BREACH.)
PER_ANSWER = {"x-page-cache", "x-request-id", "date", "content-length"}


def headers_of(response):
    return {k.lower(): v for k, v in response.items() if k.lower() not in PER_ANSWER}


@pytest.mark.parametrize("encoding", ["", "gzip, deflate, br"])
def test_a_hit_is_the_same_answer(client, world, encoding, settings):
    """Every header the middleware set on the page when it was made (security headers,
    the content security policy, the language, compression) comes with a hit, which
    skips them."""
    settings.SECURE_HSTS_SECONDS = 3600
    url = "/en/countries/kenya/"
    first = get(client, url, HTTP_ACCEPT_ENCODING=encoding, **{"wsgi.url_scheme": "https"})
    second = get(client, url, HTTP_ACCEPT_ENCODING=encoding, **{"wsgi.url_scheme": "https"})
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    if encoding:
        assert gzip.decompress(second.content) == gzip.decompress(first.content)
    else:
        assert second.content == first.content
    assert headers_of(second) == headers_of(first)
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
        "Content-Language",
    ):
        assert header in second, header
    assert int(second["Content-Length"]) == len(second.content)


def test_a_compressed_hit_is_the_page_and_answers_conditional_requests(client, world):
    url = "/en/countries/kenya/"
    plain = get(client, url)
    packed = get(client, url, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["X-Page-Cache"] == "hit"
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert "accept-encoding" in plain["Vary"].lower()
    assert packed["ETag"] == "W/" + plain["ETag"]
    # Either copy the browser holds is still the current one.
    for etag in (plain["ETag"], packed["ETag"]):
        again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)
        assert (again.status_code, again["X-Page-Cache"]) == (304, "hit")


SECURITY_HEADERS = ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options")


def test_a_304_keeps_the_security_headers_hit_or_not(client, world):
    """Django's 304 keeps only the caching headers; the security headers are set inside
    it now (and kept with a cached page)."""
    for url in ("/en/countries/kenya/", "/en/countries/kenya/?not_a_filter=1"):
        first = get(client, url)
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again["X-Page-Cache"] == ("hit" if "?" not in url else "skip")
        for header in SECURITY_HEADERS:
            assert again[header] == first[header], (url, header)


def test_pages_stored_under_other_security_settings_are_not_served(client, world, settings):
    """A hit replays the headers of the time it was stored: a change of the settings
    behind them (from the environment, with the same release) starts a new cache."""
    from django.test import Client

    get(client, "/en/stories/")
    assert get(client, "/en/stories/")["X-Page-Cache"] == "hit"
    settings.SECURE_REFERRER_POLICY = "no-referrer"
    fresh = get(Client(), "/en/stories/")  # a new process, with the new setting
    assert fresh["X-Page-Cache"] == "miss"
    assert fresh["Referrer-Policy"] == "no-referrer"


def test_plain_http_is_sent_to_https_even_when_the_page_is_cached(client, world, settings):
    from django.test import Client

    settings.SECURE_SSL_REDIRECT = False
    get(client, "/en/stories/")
    assert get(client, "/en/stories/")["X-Page-Cache"] == "hit"
    settings.SECURE_SSL_REDIRECT = True
    redirect = Client().get("/en/stories/")
    assert redirect.status_code == 301
    assert redirect["Location"].startswith("https://")
    secure = Client().get("/en/stories/", secure=True)
    assert secure.status_code == 200


def test_a_hit_skips_the_other_middleware(client, world, monkeypatch):
    from django.middleware.http import ConditionalGetMiddleware
    from django.middleware.security import SecurityMiddleware

    from core.middleware import CompressTextMiddleware, ContentSecurityPolicyMiddleware

    get(client, "/en/countries/kenya/")
    called = []
    for middleware in (
        SecurityMiddleware,
        ContentSecurityPolicyMiddleware,
        CompressTextMiddleware,
        ConditionalGetMiddleware,
    ):
        real = middleware.process_response

        def spy(self, request, response, real=real, name=middleware.__name__):
            called.append(name)
            return real(self, request, response)

        monkeypatch.setattr(middleware, "process_response", spy)
    assert get(client, "/en/countries/kenya/")["X-Page-Cache"] == "hit"
    assert called == []
    get(client, "/en/countries/?page=1")  # a miss goes through all of them
    assert len(set(called)) == 4


def test_publishing_a_story_shows_at_once_everywhere_it_is_listed(client, world):
    pages = ["/en/", "/fr/", "/en/countries/kenya/", "/en/stories/", "/en/feeds/stories/"]
    for url in pages:
        get(client, url)
        assert get(client, url)["X-Page-Cache"] == "hit"
    story(world["kenya"], "Recovery college opens in Mombasa", date=STORY_DATE)
    for url in pages:
        response = get(client, url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Recovery college opens in Mombasa" in response.content.decode(), url


def test_unpublishing_a_resource_removes_it_from_the_library_in_every_language(client, world):
    for url in ("/en/resources/", "/ar/resources/"):
        assert "Peer groups" in get(client, url).content.decode()
    world["resource"].unpublish()
    for url in ("/en/resources/", "/ar/resources/"):
        assert "Peer groups" not in get(client, url).content.decode()


def test_moving_and_deleting_pages_refresh_listings(client, world):
    ghana = country(world["kenya"].get_parent(), "Ghana", "GH")
    moved = story(world["kenya"], "Moved story", date=STORY_DATE)
    assert "Moved story" in get(client, "/en/countries/kenya/").content.decode()
    moved.move(ghana, pos="last-child")
    assert "Moved story" not in get(client, "/en/countries/kenya/").content.decode()
    assert "Moved story" in get(client, "/en/countries/ghana/").content.decode()
    moved.refresh_from_db()
    moved.delete()
    assert "Moved story" not in get(client, "/en/countries/ghana/").content.decode()


def test_renaming_a_term_refreshes_the_library(client, world):
    get(client, "/en/resources/")
    term = ResourceType.objects.get(slug="guidance", locale__language_code="en")
    term.name = "Guidance notes for everyone"
    term.save()
    assert "Guidance notes for everyone" in get(client, "/en/resources/").content.decode()


def test_a_new_search_promotion_is_shown_at_once(client, world):
    get(client, "/en/search/?q=peer")
    SearchPromotion.objects.create(
        query=Query.get("peer"), page=world["kenya"], sort_order=0, description="Start here"
    )
    assert "Start here" in get(client, "/en/search/?q=peer").content.decode()


def test_a_download_refreshes_only_the_most_downloaded_order(client, world):
    by_downloads, plain = "/en/resources/?sort=downloads", "/en/resources/"
    get(client, by_downloads), get(client, plain)
    DownloadCount.record(world["resource"].files.first())
    assert get(client, by_downloads)["X-Page-Cache"] == "miss"
    assert get(client, plain)["X-Page-Cache"] == "hit"


def test_a_page_rendered_during_a_change_is_never_served_after_it(client, world, monkeypatch):
    """The version is read when the request starts: a render that began before a
    publish is stored under the old version."""
    from core import page_cache

    real_lookup = page_cache.lookup

    def lookup_then_publish(request, key):
        found = real_lookup(request, key)
        freshness.changed()  # an editor publishes while this page renders
        return found

    monkeypatch.setattr(page_cache, "lookup", lookup_then_publish)
    assert get(client, "/en/stories/")["X-Page-Cache"] == "skip"
    monkeypatch.setattr(page_cache, "lookup", real_lookup)
    assert get(client, "/en/stories/")["X-Page-Cache"] == "miss"


def test_a_hit_is_one_round_trip_to_the_cache(client, world, monkeypatch):
    """The content version and the page are read together, and the ETag comes with the
    page rather than from hashing the body again."""
    import sys

    from django.utils import cache as cache_utils

    from core import page_cache

    get(client, "/en/countries/kenya/")
    backend = page_cache.cache()
    calls = []

    def counted(method):
        real = getattr(backend, method)

        def call(*args, **kwargs):
            # Calls from the portal, not the backend's own (LocMemCache.get_many gets).
            if not sys._getframe(1).f_globals["__name__"].startswith("django.core.cache"):
                calls.append(method)
            return real(*args, **kwargs)

        return call

    for method in ("get", "get_many", "get_or_set", "set", "set_many"):
        monkeypatch.setattr(backend, method, counted(method))
    hashed = []
    real_etag = cache_utils.set_response_etag
    monkeypatch.setattr(
        "django.middleware.http.set_response_etag", lambda r: hashed.append(r) or real_etag(r)
    )
    response = get(client, "/en/countries/kenya/")
    assert response["X-Page-Cache"] == "hit"
    assert calls == ["get_many"]
    assert response["ETag"] and not hashed


# What is never cached.


def test_signed_in_people_get_their_own_page(client, world, admin_user):
    client.force_login(admin_user)
    for _ in range(2):
        response = get(client, "/en/countries/kenya/")
        assert response["X-Page-Cache"] == "skip"
        assert "private" in response["Cache-Control"]
    client.logout()
    assert get(client, "/en/countries/kenya/")["X-Page-Cache"] == "miss"


def test_a_page_with_a_form_token_is_not_stored(client, world):
    """A password-protected page answers with a form and its CSRF token: that answer
    belongs to one visitor, and the page behind it to nobody else."""
    PageViewRestriction.objects.create(
        page=world["kenya"], restriction_type=PageViewRestriction.PASSWORD, password="open"
    )
    for _ in range(2):
        response = client.get("/en/countries/kenya/")
        assert response["X-Page-Cache"] == "skip"
        assert "public" not in response["Cache-Control"]
        assert "Kenya summary." not in response.content.decode()


def test_posts_redirects_errors_and_the_admin_are_not_cached(client, world):
    redirect = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert redirect.status_code == 302
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar")["Location"].startswith("/ar/")
    for _ in range(2):
        missing = client.get("/en/no-such-page/")
        assert missing.status_code == 404
        assert missing.get("X-Page-Cache") != "hit"
    assert "X-Page-Cache" not in client.get("/admin/login/")
    assert client.post("/en/countries/kenya/").get("X-Page-Cache") != "hit"


def test_a_preview_is_never_stored_nor_answered_from_the_cache(client, world):
    kenya = world["kenya"]
    for host in ("localhost", "testserver"):  # the live page, cached for both hosts
        client.get("/en/countries/kenya/", HTTP_HOST=host)
    kenya.summary = "Draft summary only editors see."
    kenya.save_revision()
    # What the admin's preview does: the draft through the whole middleware stack.
    draft = kenya.get_latest_revision_as_object()
    preview = draft.make_preview_request()
    assert "Draft summary only editors see." in preview.content.decode()
    # Wagtail renders the preview for the site's own host name.
    assert "X-Page-Cache" not in preview
    for host in ("localhost", "testserver"):
        public = client.get("/en/countries/kenya/", HTTP_HOST=host)
        assert public["X-Page-Cache"] == "hit"
        assert "Draft summary only editors see." not in public.content.decode()


def answer(view, url="/en/"):
    """A request through the page cache's two middleware alone, to a view made for the
    test."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from core import page_cache

    request = RequestFactory().get(url)
    request.user = AnonymousUser()
    with translation.override("en"):  # as the locale middleware does first
        return page_cache.PageCacheMiddleware(page_cache.PageStoreMiddleware(view))(request)


def test_an_answer_with_a_form_token_or_a_message_is_not_stored(portal_site):
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    def with_token(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    def with_message(request):
        request._messages = CookieStorage(request)
        list(request._messages)  # shown on the page
        return HttpResponse("<p>Thank you</p>")

    for view in (with_token, with_message):
        assert answer(view)["X-Page-Cache"] == "skip"
        assert answer(view)["X-Page-Cache"] == "skip"


def test_search_results_stay_out_of_browser_and_shared_caches(client, world):
    get(client, "/en/search/?q=peer")
    response = get(client, "/en/search/?q=peer")
    assert response["X-Page-Cache"] == "hit"
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


# A bounded cache.


def test_parameter_order_and_tracking_parameters_share_one_entry(client, world):
    get(client, "/en/resources/?topic=recovery&type=guidance")
    for url in (
        "/en/resources/?type=guidance&topic=recovery",
        "/en/resources/?topic=recovery&utm_source=newsletter&type=guidance",
    ):
        assert get(client, url)["X-Page-Cache"] == "hit", url


def test_unknown_parameters_and_huge_query_strings_make_no_entry(client, world):
    for url in (
        "/en/resources/?made_up=1",
        "/en/resources/?q=" + "x" * 600,
        "/en/resources/?page=99999",
        "/en/resources/?page=abc",
    ):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code < 500
            assert response["X-Page-Cache"] == "skip"


def test_every_filter_the_portal_understands_can_be_cached():
    parameters = {facet.param for facet in (*LIBRARY_FACETS, *STORY_FACETS, *SEARCH_FACETS)}
    for form in (LibraryFilterForm, CountryFilterForm, StoryFilterForm):
        parameters |= set(form.base_fields)
    assert parameters <= settings.PAGE_CACHE_QUERY_PARAMETERS


# HTTP caching.


def test_public_pages_tell_browsers_and_cdns_how_long_to_keep_them(client, world):
    response = get(client, "/en/countries/kenya/")
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {
        "public",
        f"max-age={settings.PAGE_BROWSER_MAX_AGE}",
        f"s-maxage={settings.PAGE_SHARED_MAX_AGE}",
        f"stale-while-revalidate={settings.PAGE_STALE_WHILE_REVALIDATE}",
    }
    assert "Last-Modified" in response
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    assert "cookie" not in vary and "accept-language" not in vary


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-pages.xml", "/robots.txt"])
def test_language_neutral_answers_do_not_vary_on_the_visitors_language(client, world, url):
    # Without a language prefix the locale middleware would name the first visitor's
    # language, and a cache would replay it to everyone.
    first = get(client, url, HTTP_ACCEPT_LANGUAGE="ar")
    second = get(client, url, HTTP_ACCEPT_LANGUAGE="fr")
    for response in (first, second):
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        assert "accept-language" not in vary
        assert "Content-Language" not in response
    assert second.content == first.content


def test_a_conditional_request_gets_304(client, world):
    first = get(client, "/en/countries/kenya/")
    again = client.get("/en/countries/kenya/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get("/en/countries/kenya/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    story(world["kenya"], "Something new", date=STORY_DATE)
    changed = client.get("/en/countries/kenya/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


def test_a_hit_answers_preconditions_as_the_rendered_page_did(client, world):
    """If-Match and If-Unmodified-Since are conditional too (RFC 9110 13.1): a hit answers
    them as Django's ConditionalGetMiddleware answered the miss (412 when they fail)."""
    from django.core.cache import cache

    url = "/en/countries/kenya/"
    first = get(client, url)
    stamp = parse_http_date(first["Last-Modified"])
    cases = [
        ({"HTTP_IF_MATCH": '"not-this-page"'}, 412),
        ({"HTTP_IF_MATCH": first["ETag"]}, 200),
        ({"HTTP_IF_UNMODIFIED_SINCE": http_date(stamp - 3600)}, 412),
        ({"HTTP_IF_UNMODIFIED_SINCE": http_date(stamp + 3600)}, 200),
        ({"HTTP_IF_MODIFIED_SINCE": http_date(stamp - 3600)}, 200),
    ]
    for headers, status in cases:
        cache.clear()
        miss = client.get(url, **headers)
        hit = client.get(url, **headers)
        assert miss.status_code == hit.status_code == status, headers
        # The page was stored by the first request: the second was answered from the cache.
        assert client.get(url)["X-Page-Cache"] == "hit", headers
        if status == 200:
            assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit"), headers


def test_html_is_compressed_and_documents_are_not(client, world):
    page = get(client, "/en/countries/kenya/", HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip"
    assert "accept-encoding" in page["Vary"].lower()
    file = world["resource"].files.first()
    download = client.get(file.document.url, HTTP_ACCEPT_ENCODING="gzip", follow=True)
    assert download.status_code == 200
    assert "Content-Encoding" not in download


# Warming after a change.


def test_the_most_visited_pages_are_rendered_again_after_a_publish(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_WARM = True
    settings.PAGE_CACHE_WARM_PATHS = ["/{lang}/", "/{lang}/resources/"]
    with django_capture_on_commit_callbacks(execute=True):
        story(world["kenya"], "Warm story", date=STORY_DATE)  # the immediate task backend
    with CaptureQueriesContext(connection) as queries:
        response = get(client, "/fr/resources/")
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert "Warm story" in get(client, "/en/").content.decode()


def test_a_page_that_changes_with_time_is_kept_no_longer_than_it_asks(portal_site):
    """expire_within: an "upcoming events" list must not outlive the next event's start."""
    from django.http import HttpResponse

    from core import page_cache

    def view(request):
        page_cache.expire_within(request, 30)
        page_cache.expire_within(request, 45)  # the shortest wins
        return HttpResponse("<p>Next event</p>")

    response = answer(view)
    assert response["X-Page-Cache"] == "miss"
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"max-age=30", "s-maxage=30"} <= directives

    def now_only(request):
        page_cache.expire_within(request, 0)
        return HttpResponse("<p>Starting now</p>")

    assert answer(now_only, "/en/?page=2")["X-Page-Cache"] == "skip"


def test_a_new_release_of_the_code_starts_a_new_cache(client, world, settings):
    from core import page_cache

    get(client, "/en/stories/")
    assert get(client, "/en/stories/")["X-Page-Cache"] == "hit"
    settings.PORTAL_RELEASE = "next-release"
    page_cache.release.cache_clear()
    try:
        assert get(client, "/en/stories/")["X-Page-Cache"] == "miss"
    finally:
        page_cache.release.cache_clear()


def test_a_new_shape_of_entry_starts_a_new_cache(client, world, monkeypatch):
    """Code that stores entries differently (the headers kept, a compressed copy) never
    reads one stored before it, even when the release stays the same."""
    from core import page_cache

    get(client, "/en/stories/")
    assert get(client, "/en/stories/")["X-Page-Cache"] == "hit"
    monkeypatch.setattr(page_cache, "ENTRY_FORMAT", page_cache.ENTRY_FORMAT + 1)
    assert get(client, "/en/stories/")["X-Page-Cache"] == "miss"


def test_search_results_are_kept_only_briefly(client, world):
    """The search index is updated by a task just after a publish."""
    assert get(client, "/en/resources/?q=peer")["X-Page-Cache"] == "miss"
    page_cache_seconds = settings.PAGE_CACHE_SEARCH_SECONDS
    assert (
        f"max-age={min(page_cache_seconds, settings.PAGE_BROWSER_MAX_AGE)}"
        in (get(client, "/en/resources/?q=peer")["Cache-Control"])
    )


def test_a_made_up_filter_value_makes_no_entry(client, world):
    for url in ("/en/resources/?topic=made-up-topic", "/en/search/?q=peer&content=made-up"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert response["X-Page-Cache"] == "skip", url
