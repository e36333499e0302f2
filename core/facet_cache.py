"""Facet counts are the costly queries of the library and of the site search (one scan
of every match per facet), and the same few searches and filter combinations are asked
for again and again. They are cached per listing (`namespace`), language and filter set
under the version of public content (core/freshness.py) that any change to published
pages replaces, so a stale count is never shown."""

import hashlib

from core import fragments, freshness

TIMEOUT = 60 * 60
# Counts over typed words: a published page is searchable only once the task worker has
# indexed it (and a search server has refreshed, about a second later), a moment after
# the content version changed; counts made in between must not last long.
INDEX_TIMEOUT = 60


def timeout_for(words):
    """How long counts are kept: briefly when they depend on the search index (typed
    `words`), as pages of search results are (core/page_cache.py)."""
    return INDEX_TIMEOUT if words else TIMEOUT


def forget():
    """Call when pages change: every cached count (and cached page) becomes unreachable."""
    freshness.changed()


def key(namespace, language, filters):
    version = freshness.version()
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
    return f"facets:{namespace}:{version}:{language}:{digest}"


def get_or_compute(namespace, language, filters, compute, timeout=TIMEOUT):
    return fragments.versioned(key(namespace, language, filters), compute, timeout)
