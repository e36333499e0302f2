"""Purging a CDN or Varnish in front of the portal when a page changes.

Wagtail's frontend cache (wagtail.contrib.frontend_cache, configured from the
environment in portal/settings/base.py) purges a published page's own address. Visitors
also see a page through its translations, the listings above it (a country page lists
its stories; the home page, the stories listing and the library list new pages), the
feeds and the sitemap, in every language. This purges all of those, through Wagtail's
purge task (the task backend: in the worker in production).

A purged address also drops its query-string variants (`/en/resources/?topic=...`) in the
Varnish configuration of docs/performance.md. Anything this misses (a "related
resources" box elsewhere) lasts no longer than PAGE_SHARED_MAX_AGE.
"""

import copy

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import freshness

# Other apps add what shows a page elsewhere than above it. Hooks registered under these
# names take the changed page: the first return pages (a resource's countries' pages),
# the second paths (the feeds, the sitemap).
LISTED_ON_HOOK = "portal_page_listed_on"
PATHS_HOOK = "portal_purge_paths"


def pages_showing(page):
    """The page, the pages above it (but the tree's root) and pages that list it, each
    in every language."""
    shown = [page, *page.get_ancestors().filter(depth__gt=1)]
    for hook in hooks.get_hooks(LISTED_ON_HOOK):
        shown.extend(hook(page))
    keys = {p.translation_key for p in shown}
    return Page.objects.live().filter(translation_key__in=keys)


def other_paths(page):
    return {path for hook in hooks.get_hooks(PATHS_HOOK) for path in hook(page)}


def purge_page(page):
    if not get_backends():
        return
    batch = PurgeBatch()
    batch.add_pages(pages_showing(page.specific_deferred))
    paths = other_paths(page)
    for site in Site.objects.all():
        batch.add_urls(site.root_url + path for path in paths)
    purge_after_commit(batch)


def purge_after_commit(batch):
    # Wagtail's purge task, queued once the change is committed: a purge sent before,
    # with the immediate task backend, would let the CDN fetch the old page again.
    urls = batch.urls
    transaction.on_commit(lambda: PurgeBatch(urls).purge())


def purge_everything(**kwargs):
    """A term, a site, an image changed: any page may show it. Every address in every
    language (Varnish's configuration drops everything under an address ending in *)."""
    if not get_backends():
        return
    batch = PurgeBatch()
    for site in Site.objects.all():
        batch.add_urls(f"{site.root_url}/{code}/*" for code, _name in settings.LANGUAGES)
        batch.add_urls(site.root_url + path for path in other_paths(None))
    purge_after_commit(batch)


def _restricted(instance, **kwargs):
    # A page just restricted must leave shared caches at once, with everything below it.
    if not get_backends():
        return
    batch = PurgeBatch()
    for page in instance.page.get_descendants(inclusive=True).specific(defer=True):
        batch.add_pages(pages_showing(page))
    purge_after_commit(batch)


def _changed(instance, **kwargs):
    purge_page(instance)


def _moved(instance, parent_page_before=None, url_path_before=None, **kwargs):
    purge_page(instance)
    if not get_backends():
        return
    # The old address and the listing it left, which Wagtail's own handler does not know.
    before = copy.copy(instance.specific_deferred)
    before.url_path = url_path_before
    batch = PurgeBatch()
    batch.add_page(before)
    if parent_page_before is not None:
        batch.add_pages(pages_showing(parent_page_before))
    purge_after_commit(batch)


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(_changed, dispatch_uid=f"cdn-{id(signal)}")
    post_page_move.connect(_moved, dispatch_uid="cdn-moved")
    for signal in (post_save, post_delete):
        signal.connect(_restricted, sender=PageViewRestriction, dispatch_uid=f"cdn-r-{id(signal)}")
    freshness.site_changed.connect(purge_everything, dispatch_uid="cdn-site")
