"""Which Wagtail site a request is for, without a query on every request.

Wagtail looks the site up for each request (`Site.find_for_request`: an annotated,
ordered query with the root page, about a millisecond of building and running SQLite on
an uncached page). Sites change only when an operator edits one, and saving or deleting
a Site changes the content version (core/freshness.py), so each process keeps the answer
for each host and port under the current version: an edit made in any process is seen
by every other on its next request. Like Wagtail's own cache of site root paths, a Site
changed with a queryset `update()` (no signal) is not noticed until the next change.
"""

import pickle

from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import SiteRootPath

from core import freshness, page_cache

# Host names come from the request: past this many for one version, start again, so
# made-up Host headers cannot grow a worker's memory (ALLOWED_HOSTS may be "*").
MAX_HOSTS = 64

# (the content version, {(host name, port): the Site with its root page, pickled, or
# None}, [the site root paths, pickled, or None]), one tuple so that all change at once.
# Replaced, never emptied in place: a threaded server's other requests may be reading
# the old one.
_copies = (None, {}, [None])


def _current():
    """This process's copies under the current content version."""
    global _copies
    version = freshness.version()
    if _copies[0] != version:
        _copies = (version, {}, [None])
    return _copies


def find_for_request(request):
    """`Site.find_for_request(request)`'s answer, each request getting its own copy (the
    routing code caches things on the root page)."""
    global _copies
    # As Wagtail does: the raw host, ALLOWED_HOSTS being checked elsewhere.
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    version, known, root_paths = _current()
    if len(known) >= MAX_HOSTS:
        known = {}
        _copies = (version, known, root_paths)
    if key not in known:
        site = Site._find_for_request(request)
        if site is not None:
            # Routing starts from `site.root_page.localized.specific`: kept as its own
            # type, the root page and its translations need no query for their type.
            site.root_page = site.root_page.specific
        known[key] = None if site is None else pickle.dumps(site)
    pickled = known[key]
    return None if pickled is None else pickle.loads(pickled)  # noqa: S301 (pickled here)


def site_root_paths():
    """`Site.get_site_root_paths()`, which Wagtail reads from the shared cache (a round
    trip) once per request that makes a page's URL. Kept with the sites: a site, or a
    home page published or moved in any language, changes the content version."""
    kept = _current()[2]
    if kept[0] is None:
        kept[0] = pickle.dumps(root_paths_from_database())
    return pickle.loads(kept[0])  # noqa: S301 (pickled here)


def root_paths_from_database():
    """The site root paths as Wagtail lists them with WAGTAIL_I18N_ENABLED, as the
    portal runs (each site's home page in every language, the longest paths first),
    read from the database: Wagtail's shared entry
    is emptied before a change commits, and a request in between can fill it again with
    the old rows. tests/core/test_sites.py compares the two lists."""
    sites = Site.objects.select_related("root_page").order_by(
        "-root_page__url_path", "-is_default_site", "hostname"
    )
    return [
        SiteRootPath(site.id, home.url_path, site.root_url, home.locale.language_code)
        for site in sites
        for home in site.root_page.get_translations(inclusive=True).select_related("locale")
    ]


class SiteMiddleware:
    """Sets the request's site (`request._wagtail_site`, where Wagtail keeps it) and the
    site root paths that page URLs are made from (`_wagtail_cached_site_root_paths`)
    from this process's copy, for the public pages the page cache serves
    (core/page_cache.py): health checks, the API and the admin go on without asking the
    cache for a version. Placed after the page cache, which answers its hits without a
    site, and before anything that asks for one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if page_cache.view_name(request) is not None:
            request._wagtail_site = find_for_request(request)
            # Not for a preview: a draft home page in a new language has a root path
            # that no publish has announced yet.
            if not getattr(request, "is_dummy", False):
                request._wagtail_cached_site_root_paths = site_root_paths()
        return self.get_response(request)
