"""One version for everything the public sees: pages, listings, facet counts, menus.

Any change to what visitors may see (a publish, an unpublish, a move, a deletion, a
renamed term, a new indicator value, a search promotion) calls `changed()`; every cache
of public output (the page cache, cached facet counts, cached fragments) puts
`version()` in its keys, so an entry made before the change is never read again. The
version lives in the shared cache (Redis in production), so a change made in one process
is seen by every other at once; old entries simply expire.

`downloads` has its own version: a download changes only the "most downloaded" order, and
must not empty every cached page during a launch.

Within a request (`request_scope`, entered by the page cache's middleware) a version is
read from the shared cache once: a page is made from one version of the content, and its
dozen cached fragments do not each ask Redis again. A change made by the request itself
is seen at once.
"""

import contextlib
import contextvars
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

CONTENT = "freshness:content"
DOWNLOADS = "freshness:downloads"
# Sent once a change is committed, with `kind` (core/warm.py renders pages again).
committed = Signal()


# The versions this request has read: {kind: version}, or None outside a request scope
# (a task, a management command), where every call asks the shared cache.
_read = contextvars.ContextVar("freshness_read", default=None)


@contextlib.contextmanager
def request_scope():
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)


def remember(kind, value):
    """A version read from the shared cache by other means (the page cache reads it with
    the page), for the rest of the request."""
    read = _read.get()
    if read is not None:
        read[kind] = value


def version(kind=CONTENT):
    read = _read.get()
    if read is not None and kind in read:
        return read[kind]
    value = cache.get_or_set(kind, uuid.uuid4().hex, None)
    remember(kind, value)
    return value


def versions(*kinds):
    """The current versions, from the shared cache whatever this request has read, in
    one round trip (one more when one does not exist yet)."""
    found = cache.get_many(kinds)
    for kind in kinds:
        if kind not in found:
            found[kind] = cache.get_or_set(kind, uuid.uuid4().hex, None)
    return [found[kind] for kind in kinds]


def _new_version(kind):
    cache.set(kind, uuid.uuid4().hex, None)
    read = _read.get()
    if read is not None:
        read.pop(kind, None)


def changed(kind=CONTENT):
    """Call when public output may change: a new version now, and again once the
    transaction commits (a request in between could have read the old rows). A
    transaction that makes several changes commits several versions: cheap, and a warm
    task made obsolete by the next one does nothing (core/warm.py)."""
    _new_version(kind)
    transaction.on_commit(_COMMITS[kind])


def _committer(kind):
    def commit():
        _new_version(kind)
        committed.send(sender=None, kind=kind)

    return commit


_COMMITS = {kind: _committer(kind) for kind in (CONTENT, DOWNLOADS)}


def _content_changed(**kwargs):
    changed()


# What saving a draft, commenting or locking writes to a page's row: visitors see none of it.
DRAFT_FIELDS = {
    "wagtail_admin_comments",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def _page_saved(instance, update_fields, **kwargs):
    # Publishing sends its own signal; this catches what does not: a translation that
    # wagtail-localize creates live, and a script saving a live page directly.
    if not isinstance(instance, Page) or not instance.live:
        return
    if not (update_fields and set(update_fields) <= DRAFT_FIELDS):
        changed()


# Sent when a row of a watched model changes (core/cdn.py purges the whole site).
site_changed = Signal()


def _site_changed(sender, **kwargs):
    changed()
    site_changed.send(sender=sender)


def watch(*models):
    """Public output shows these models (terms, indicator types, promotions) on pages
    anywhere: any saved or deleted row changes the whole site."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _site_changed, sender=model, dispatch_uid=f"freshness-{model._meta.label}"
            )


def connect():
    """What changes every public page type: publishing, unpublishing, moving, deleting,
    restricting a page; sites and languages; image and document titles."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_content_changed, dispatch_uid=f"freshness-{id(signal)}")
    post_delete.connect(_content_changed, sender=Page, dispatch_uid="freshness-page-deleted")
    # Every page type: the signal names the concrete model (StoryPage), not Page.
    post_save.connect(_page_saved, dispatch_uid="freshness-page-saved")
    watch(Site, Locale, get_image_model(), get_document_model())
    for signal in (post_save, post_delete):  # core/cdn.py purges the page's subtree
        signal.connect(
            _content_changed, sender=PageViewRestriction, dispatch_uid=f"freshness-r-{id(signal)}"
        )
