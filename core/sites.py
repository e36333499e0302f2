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

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from core import freshness, page_cache

# Host names come from the request: past this many for one version, start again, so
# made-up Host headers cannot grow a worker's memory (ALLOWED_HOSTS may be "*").
MAX_HOSTS = 64

# (the content version, {(host name, port): the Site with its root page, pickled, or
# None; ROOT_PATHS: Wagtail's site root paths, pickled}), one tuple so that both change
# at once. Replaced, never emptied in place: a threaded server's other requests may be
# reading the old one.
_copies = (None, {})
ROOT_PATHS = "root paths"


def _known():
    """This process's copies under the current content version."""
    global _copies
    version = freshness.version()
    made_under, known = _copies
    if made_under != version or len(known) >= MAX_HOSTS:
        known = {}
        _copies = (version, known)
    return known


def find_for_request(request):
    """`Site.find_for_request(request)`'s answer, each request getting its own copy (the
    routing code caches things on the root page)."""
    # As Wagtail does: the raw host, ALLOWED_HOSTS being checked elsewhere.
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    known = _known()
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
    known = _known()
    if ROOT_PATHS not in known:
        # From the database, not from Wagtail's shared entry: Wagtail empties it before
        # a change commits, and a request in between may have filled it again with the
        # old rows. One query per process after a change.
        cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
        known[ROOT_PATHS] = pickle.dumps(Site.get_site_root_paths())
    return pickle.loads(known[ROOT_PATHS])  # noqa: S301 (pickled here)


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
