"""Facet counts are the library's costly queries (one scan of the filtered resources per
facet), and the same few filter combinations are asked for again and again. They are
cached per language and filter set under a version that any change to the library's
content replaces, so a stale count is never shown."""

import hashlib
import uuid

from django.core.cache import cache

VERSION_KEY = "resources:facets:version"
TIMEOUT = 60 * 60


def forget():
    """Call when resources change: every cached count becomes unreachable."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def key(language, filters):
    version = cache.get_or_set(VERSION_KEY, uuid.uuid4().hex, None)
    canonical = sorted(
        (
            name,
            sorted(str(getattr(v, "slug", v)) for v in value)
            if isinstance(value, list)
            else str(value),
        )
        for name, value in filters.items()
        if name not in ("sort", "page")
    )
    digest = hashlib.sha256(repr(canonical).encode()).hexdigest()[:32]
    return f"resources:facets:{version}:{language}:{digest}"


def get_or_compute(language, filters, compute):
    cache_key = key(language, filters)
    counts = cache.get(cache_key)
    if counts is None:
        counts = compute()
        cache.set(cache_key, counts, TIMEOUT)
    return counts
