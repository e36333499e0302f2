"""Which page a path is, without a query on every request.

Wagtail finds the page for each request (`Page.route_for_request`): the visitor's locale
and the home page's translation, then the page by its path (home/routing.py) and as its
own type, three or four queries and a fifth of an uncached page's time. What a path
routes to changes only when public content does (publishing, unpublishing, moving,
deleting or restricting a page; sites and languages), and each of those changes the
content version (core/freshness.py). So each process keeps, under the current version,
the route of each path it served to a visitor, per site and language, pickled: every
request unpickles its own copy of the page, as it would have loaded its own.

Only for visitors who are not signed in (`page_cache.has_a_session`): an editor's
request routes as Wagtail does. Not kept: a path that routes to nothing (made-up paths
would push out real ones), and a sub-route of a routable page other than its own URL (a
resource's download, answered without a page).
"""

import logging
import pickle

from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from core import freshness, page_cache

# Paths come from the request: past this many for one version, start again, so made-up
# paths cannot grow a worker's memory. A kept route is 2-3 KB (a page with a long body
# more): past MAX_BYTES in all, routes are served without being kept until the next
# version.
MAX_ROUTES = 1000
MAX_BYTES = 8 * 1024 * 1024

logger = logging.getLogger(__name__)

# (the content version, {(site id, language, path): (page, args, kwargs, resolves "/"),
# pickled, or b"" when it cannot be pickled}, [bytes kept]), one tuple so that all
# change at once; replaced, never emptied in place (a threaded server's other requests
# may be reading the old one).
_copies = (None, {}, [0])


def route_for_request(request, path):
    """`Page.route_for_request(request, path)`, from this process's copy when it has one."""
    global _copies
    site = Site.find_for_request(request)
    if site is None:
        return Page.route_for_request(request, path)
    version = freshness.version()
    made_under, known, used = _copies
    if made_under != version or len(known) >= MAX_ROUTES:
        known, used = {}, [0]
        _copies = (version, known, used)
    key = (site.pk, translation.get_language(), path)
    pickled = known.get(key)
    if pickled:
        page, args, kwargs, own_url = pickle.loads(pickled)  # noqa: S301 (pickled here)
        if own_url:
            # Set by RoutablePageMixin.route, which a kept route skips.
            request.routable_resolver_match = page.resolve_subpage("/")
        return RouteResult(page, args, kwargs)
    result = Page.route_for_request(request, path)
    if result is None or pickled is not None or used[0] >= MAX_BYTES:
        return result  # routes nowhere, cannot be kept (below), or the budget is spent
    page, args, kwargs = result
    own_url = isinstance(page, RoutablePageMixin)
    if own_url and not _is_own_url(page, request):
        return result
    try:
        pickled = pickle.dumps((page, args, kwargs, own_url))
    except Exception:  # noqa: BLE001 (the route is in hand: serve it, keep nothing)
        logger.warning("Route to %s not kept: its page cannot be pickled", path, exc_info=True)
        known[key] = b""  # not tried again under this version, nor logged again
        return result
    if used[0] + len(pickled) <= MAX_BYTES:
        known[key] = pickled
        used[0] += len(pickled)
    return result


def _is_own_url(page, request):
    """Whether a routable page was routed to its own URL, not to one of its sub-routes."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None:
        return False
    own = page.resolve_subpage("/")
    return (match.func, match.args, match.kwargs) == (own.func, own.args, own.kwargs)


class RouteMiddleware:
    """Gives Wagtail's `serve` view the route from this process's copy, where Wagtail
    keeps a request's route (`request._wagtail_route_for_request`, read by
    `Page.route_for_request`). Placed after SiteMiddleware, which sets the request's
    site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            view_func is wagtail_views.serve
            and request.method in ("GET", "HEAD")
            and not getattr(request, "is_dummy", False)
            and not page_cache.has_a_session(request)
        ):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            request._wagtail_route_for_request = route_for_request(request, path)
        return None
