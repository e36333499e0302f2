"""A frontend-cache backend that keeps the addresses it is asked to purge, for tests of
what a publish purges (core/cdn.py) without a CDN."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


SETTINGS = {"recording": {"BACKEND": "tests.support.purges.RecordingBackend"}}
