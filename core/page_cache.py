"""The page cache: anonymous visitors' public pages served from Django's cache.

A hit costs one cache round trip and no database query: the version of public content
(core/freshness.py) and the page are read together, and an entry is served only when the
version stored with it is the current one. The version is read once when the request
starts, so a page rendered while an editor publishes carries the old version and is never
served after the publish: nothing is stale, in any process, without deleting a key.

Which requests: GET and HEAD from visitors who are not signed in, for the views in
`CACHED_VIEWS` (Wagtail pages, site search, the progress page, feeds, sitemap). Which
responses: 200s that set no cookie, do not vary on the cookie (a CSRF token does both)
and do not forbid caching. Query strings are normalised (sorted, tracking parameters
dropped); a request with a parameter the portal does not know, or an oversized query
string, is served but not stored, so the cache cannot be grown by made-up URLs.

docs/performance.md explains the choice over wagtail-cache and the HTTP headers.
"""

import functools
import hashlib
import math
import re
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date
from django.utils.text import compress_string

from core import freshness
from core.middleware import CompressTextMiddleware, keep_on_not_modified

HEADER = "X-Page-Cache"
# URL names (namespace:name) whose anonymous GET responses are cached.
CACHED_VIEWS = {
    "wagtail_serve",
    "search:search",
    "progress",
    "sitemap_index",
    "django.contrib.sitemaps.views.sitemap",
}
CACHED_NAMESPACES = {"feeds"}
# Served to the server cache only: a browser or a CDN keeps no copy (what people search
# for stays off shared caches and history).
BROWSER_NO_STORE = {"search:search"}
# Parameters that change nothing on the page: left out of the key.
IGNORED_PARAMETERS = re.compile(r"^(utm_\w+|fbclid|gclid|msclkid|mc_\w+|_ga|_gl)$")
# In the key: changed with what an entry holds, so that code reading the new shape never
# meets an entry stored by the code before it (a deployment may keep the static files,
# and so the release, the same).
ENTRY_FORMAT = 3
MAX_QUERY_STRING = 512
MAX_PAGE = 1000
MAX_BODY = 2 * 1024 * 1024
# Django's GZipMiddleware leaves shorter answers as they are.
GZIP_MIN_LENGTH = 200
# What a view must still do when its page comes from the cache (the site search counts
# searches for its report): view name -> function(request, meta), where `meta` is what
# the view left in `response.page_cache_meta` when the page was made.
ON_HIT = {}


def on_hit(name):
    def register(function):
        ON_HIT[name] = function
        return function

    return register


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def expire_within(request, seconds):
    """For what changes with time rather than with a publish (an event that is about to
    start): the page being made is kept at most `seconds`, here and in CDNs."""
    current = getattr(request, "page_cache_seconds", None)
    request.page_cache_seconds = max(0, int(seconds if current is None else min(current, seconds)))


def view_name(request):
    return cached_view_name(request.path_info, getattr(request, "urlconf", None))


# The URL configuration does not change while the process runs; the paths asked for most
# are resolved once (a tenth of a cached page's time otherwise).
@functools.lru_cache(maxsize=4096)
def cached_view_name(path, urlconf):
    # This runs before the locale middleware, and language-prefixed URLs resolve only in
    # their own language.
    language = translation.get_language_from_path(path)
    try:
        with translation.override(language or settings.LANGUAGE_CODE):
            match = resolve(path, urlconf)
    except Resolver404:
        return None
    if match.namespace in CACHED_NAMESPACES:
        return match.view_name
    return match.view_name if match.view_name in CACHED_VIEWS else None


def has_a_session(request):
    """Signed-in people, and visitors with a session of their own (a password-protected
    page they opened, a message waiting for them): their pages are theirs. Checked on the
    cookies alone, so the session is never read for a public page (reading it would add
    "Vary: Cookie" to every one)."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies


def normalised_query(request):
    """The query string as the key sees it, or None when it must not be stored."""
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return None
    known = settings.PAGE_CACHE_QUERY_PARAMETERS
    pairs = []
    for name in request.GET:
        if IGNORED_PARAMETERS.match(name):
            continue
        if name not in known:
            return None
        values = request.GET.getlist(name)
        # Listings have at most a few hundred pages; a larger number shows the last one.
        # ASCII digits only: "²" is a digit to str.isdigit() and not to int().
        if name == "page" and not all(
            v.isascii() and v.isdigit() and 0 < int(v) <= MAX_PAGE for v in values
        ):
            return None
        pairs.extend((name, value) for value in values)
    return urlencode(sorted(pairs))


def uses_download_order(request):
    return request.GET.get("sort") == "downloads"


def version_kinds(request):
    if uses_download_order(request):
        return [freshness.CONTENT, freshness.DOWNLOADS]
    return [freshness.CONTENT]


def cache_key(request, query):
    """One entry per address: a new version of the content replaces it, rather than
    leaving the old one to expire."""
    address = f"{request.scheme}://{request.get_host().lower()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:40]
    return f"page:{ENTRY_FORMAT}:{release()}:{header_settings()}:{digest}"


def current_versions(request):
    return freshness.versions(*version_kinds(request))


def lookup(request, key):
    """The current versions and the entry stored at `key`, in one round trip when the
    versions live in the page cache's own cache (the default)."""
    kinds = version_kinds(request)
    if settings.PAGE_CACHE_ALIAS != DEFAULT_CACHE_ALIAS:
        found = dict(zip(kinds, freshness.versions(*kinds), strict=True))
        found[key] = cache().get(key)
    else:
        found = cache().get_many([*kinds, key])
    for kind in kinds:
        if kind in found:
            freshness.remember(kind, found[kind])
    return [freshness.version(kind) for kind in kinds], found.get(key)


@functools.cache
def release():
    """Pages made by another release of the code are not served: templates and hashed
    static file names change with it. PORTAL_RELEASE (set by a deployment: the commit)
    or, without it, the collected static files' manifest."""
    if settings.PORTAL_RELEASE:
        return settings.PORTAL_RELEASE
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        return hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]
    return "checkout"


# The settings behind the headers a hit replays without running the middleware that set
# them (docs/security.md): they come from the environment, which can change while the
# release and the content stay the same.
HEADER_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
)


@functools.cache
def header_settings():
    """Pages stored under other security settings are not served: a changed policy, HSTS
    taken back, a new media host in the CSP apply to cached pages at once."""
    values = repr([getattr(settings, name, None) for name in HEADER_SETTINGS])
    return hashlib.sha256(values.encode()).hexdigest()[:12]


@receiver(setting_changed)
def _forget_header_settings(setting, **kwargs):
    if setting in HEADER_SETTINGS:
        header_settings.cache_clear()


def storable(request, response, name):
    cache_control = response.get("Cache-Control", "")
    refused = (
        ("private", "no-cache") if name in BROWSER_NO_STORE else ("private", "no-store", "no-cache")
    )
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not any(word in cache_control for word in refused)
        and not getattr(request, "is_preview", False)
        # A script nonce is for one answer (none of the portal's pages uses one).
        and getattr(request, "_csp_nonce", None) is None
        # A form's CSRF token (the cookie is set outside this middleware, so look at the
        # request), a session written to, a message shown: this answer is one visitor's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(getattr(request, "session", None), "modified", False)
        and not getattr(getattr(request, "_messages", None), "used", False)
        and len(response.content) <= MAX_BODY
    )


def public_headers(response, name, expires):
    patch_cache_control(response, **cache_directives(name, expires))


def cache_directives(name, expires):
    if name in BROWSER_NO_STORE:
        return {"no_store": True}
    # A page kept only until a given time (expire_within) is kept no longer downstream.
    left = max(0, math.ceil(expires - time.time()))
    return {
        "public": True,
        "max_age": min(settings.PAGE_BROWSER_MAX_AGE, left),
        "s_maxage": min(settings.PAGE_SHARED_MAX_AGE, left),
        "stale_while_revalidate": settings.PAGE_STALE_WHILE_REVALIDATE,
    }


@functools.lru_cache(maxsize=256)
def cache_control_value(directives):
    """The Cache-Control header patch_cache_control writes for `directives` (a tuple
    of pairs) on a response that has none: what a hit sends, made once rather than
    on each hit."""
    response = HttpResponse()
    patch_cache_control(response, **dict(directives))
    return response["Cache-Control"]


class PageCacheMiddleware:
    """Answers hits. Placed first after the request id, so a hit skips every other
    middleware: the entry carries the headers they set (security headers, the content
    security policy), and this compresses it and answers conditional requests as
    CompressTextMiddleware and ConditionalGetMiddleware do. A miss goes on through the
    stack to PageStoreMiddleware, which stores what the view made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The whole request sees one version of the content (core/freshness.py).
        with freshness.request_scope():
            return self.answer(request)

    def answer(self, request):
        name = None
        # A preview is a dummy request for the page's own URL (`is_dummy`, set by Wagtail
        # before the middleware runs): it must never be answered with the live page.
        dummy = getattr(request, "is_dummy", False)
        if (
            settings.PAGE_CACHE_SECONDS
            and request.method in ("GET", "HEAD")
            and not dummy
            # Sent to https by SecurityMiddleware, which a hit would skip.
            and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
            # WhiteNoise's: not pages, and kept out of the resolved paths.
            and not request.path_info.startswith(settings.STATIC_URL)
        ):
            name = view_name(request)
        if name is None:
            return self.get_response(request)
        if has_a_session(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_cache=True)
            response[HEADER] = "skip"
            return response

        started = time.time()
        query = normalised_query(request)
        key = cache_key(request, query) if query is not None else None
        versions = None
        if key is not None:
            versions, entry = lookup(request, key)
            if entry is not None and entry.get("versions") == versions:
                if name in ON_HIT and request.method == "GET":
                    ON_HIT[name](request, entry.get("meta", {}))
                return replay(request, entry, name)
        request.page_cache_miss = Miss(name, key, versions, started)
        return self.get_response(request)


class Miss:
    """What PageStoreMiddleware needs to know of a request the cache could not answer."""

    __slots__ = ("key", "name", "started", "versions")

    def __init__(self, name, key, versions, started):
        self.name, self.key, self.versions, self.started = name, key, versions, started


class PageStoreMiddleware:
    """Stores the pages PageCacheMiddleware could not answer. Placed inside compression
    and conditional answers (the entry is the whole page) and outside the middleware
    whose headers the entry keeps."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        miss = getattr(request, "page_cache_miss", None)
        if miss is None:
            return self.get_response(request)
        if "q" in request.GET:
            # Results from the search index, which the task worker updates a moment after
            # a publish: kept briefly, so a page made in between does not last.
            expire_within(request, settings.PAGE_CACHE_SEARCH_SECONDS)
        response = self.get_response(request)
        seconds = getattr(request, "page_cache_seconds", settings.PAGE_CACHE_SECONDS)
        key = miss.key
        if key is not None and miss.versions != current_versions(request):
            # Content changed while this page was made: it may show the old content, so
            # neither this cache nor a CDN keeps it.
            key = None
        if key is not None and seconds and storable(request, response, miss.name):
            entry = make_entry(response, seconds, miss.started, miss.versions)
            cache().set(key, entry, seconds)
            public_headers(response, miss.name, entry["expires"])
            response[HEADER] = "miss"
        else:
            if response.status_code == 200 and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            response[HEADER] = "skip"
        return response


# Not kept with the page: set again for each answer.
NOT_KEPT = {"cache-control", "content-length", "date", "expires", HEADER.lower()}


def compressible(response):
    return (
        response.get("Content-Type", "").startswith(CompressTextMiddleware.TEXT)
        and not response.has_header("Content-Encoding")
        and len(response.content) >= GZIP_MIN_LENGTH
    )


def make_entry(response, seconds, started, versions):
    # When the content it shows was read, not when it was stored; whole seconds, as the
    # header has them, so a hit compares the same time as this answer.
    stamp = int(started)
    response["Last-Modified"] = http_date(stamp)
    # Computed once here rather than from the body on every hit (ConditionalGet).
    set_response_etag(response)
    gzipped = None
    if compressible(response):
        # As CompressTextMiddleware will for this answer. Without Django's padding against
        # BREACH: a stored page holds no secret (a page with a form token is not stored).
        patch_vary_headers(response, ("Accept-Encoding",))
        gzipped = compress_string(response.content)
        if len(gzipped) >= len(response.content):
            gzipped = None
    headers = {h: v for h, v in response.items() if h.lower() not in NOT_KEPT}
    return {
        "versions": versions,
        "content": response.content,
        "gzip": gzipped,
        "headers": headers,
        "meta": getattr(response, "page_cache_meta", {}),
        # The Last-Modified header's value as a timestamp, for conditional requests.
        "last_modified": stamp,
        "expires": time.time() + seconds,
    }


# The request headers that can make a GET conditional (RFC 9110 13.1).
CONDITIONAL = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def replay(request, entry, name):
    # The entry holds none of the headers set here, so they are set, not patched.
    response = HttpResponse(entry["content"], headers=entry["headers"])
    response["Cache-Control"] = cache_control_value(
        tuple(cache_directives(name, entry["expires"]).items())
    )
    response[HEADER] = "hit"
    meta = request.META
    if request.method == "GET" and any(header in meta for header in CONDITIONAL):
        # As ConditionalGetMiddleware: a 304 when the visitor's copy is this one, a 412
        # when a precondition fails.
        answer = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=entry["last_modified"],
            response=response,
        )
        if answer.status_code == 304:
            return keep_on_not_modified(response, answer)
        if answer is not response:  # 412 Precondition Failed
            return answer
    if entry["gzip"] is not None and re_accepts_gzip.search(meta.get("HTTP_ACCEPT_ENCODING", "")):
        response.content = entry["gzip"]
        # A strong ETag names the uncompressed body (RFC 9110 8.8.1), as Django does.
        if response.get("ETag", "").startswith('"'):
            response["ETag"] = "W/" + response["ETag"]
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    return response
