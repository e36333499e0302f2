"""Rendering the most-visited pages again after a change, in the task worker, so the
first visitor after a publish is served from the page cache instead of waiting for cold
facet counts (docs/performance.md)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client
from django_tasks import task

from core import freshness


def after_change(kind, **kwargs):
    """Receives freshness.committed: the change is in the database."""
    if kind == freshness.CONTENT and settings.PAGE_CACHE_WARM and settings.PAGE_CACHE_SECONDS:
        warm_pages.enqueue(freshness.version())


@task()
def warm_pages(version):
    # A later change enqueued its own run: this one would render pages nobody will see.
    if version != freshness.version():
        return 0
    # Requests through the whole middleware stack, as an anonymous visitor would make
    # them; the page cache stores each answer.
    # The public address (WAGTAILADMIN_BASE_URL) is part of the cache key.
    public = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    client = Client(HTTP_HOST=public.netloc)
    warmed = 0
    for code, _name in settings.LANGUAGES:
        for path in settings.PAGE_CACHE_WARM_PATHS:
            response = client.get(path.format(lang=code), secure=public.scheme == "https")
            if response.status_code == 200:
                warmed += 1
    return warmed
