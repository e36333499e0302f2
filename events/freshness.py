"""Pages that show events change when time passes, not only on a publish: an event moves
from "upcoming" to "past", its joining details appear a day before it starts, its
registration closes. Such pages are kept in the page cache (and CDNs) for at most
EVENTS_PAGE_SECONDS (docs/performance.md, docs/events.md)."""

from django.conf import settings
from django.utils import timezone

from core import page_cache


def changes_with_time(request, until=None):
    """The page being made shows events; `until`: when what it shows of them next
    changes (the first listed event ends), if known."""
    if request is None:
        return
    page_cache.expire_within(request, settings.EVENTS_PAGE_SECONDS)
    if until is not None:
        page_cache.expire_within(request, (until - timezone.now()).total_seconds())
