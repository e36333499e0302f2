"""Parts of public pages that change only when public content does (a publish, an
unpublish, a renamed term: core/freshness.py): the main menu, the language links, term
lists, the home page's figures. Kept in the shared cache under the content version, so
no entry outlives a change in any process. Never cache here anything that depends on
who is asking: every visitor gets the same value.

An entry under a version never changes, so each process also keeps the ones it used
last, and a page made again asks the shared cache only for what this process has not
seen under the current version (a dozen round trips to Redis less per page). The local
copy is Django's LocMemCache: bounded, and pickled, so every reader gets its own copy
as it would from Redis.
"""

import time

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from core import freshness, page_cache

TIMEOUT = 60 * 60 * 24
# In the keys: an entry is (expiry time, value), not the value alone as before.
FORMAT = 2
LOCAL = LocMemCache("core.fragments", {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 2000}})


def _stored(key):
    # Per release of the code too: what one release pickled or rendered (a card's markup)
    # is not read by the next, nor by the one before during a rolling deployment.
    return f"{key}:v{FORMAT}:{page_cache.release()}"


def versioned(key, compute, timeout=TIMEOUT, still_valid=None):
    """`compute()`, kept `timeout` seconds at `key`, which must name the content version
    it was computed under (a change makes a new key, never a new value at this one).
    `still_valid(value)`, if given, says whether a kept value still holds for what
    changes without a publish (time passing)."""
    key = _stored(key)
    now = time.time()
    entry = LOCAL.get(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            # The shared entry's expiry, not a new one: a copy never outlives it.
            LOCAL.set(key, entry, max(0, entry[0] - now))
    if entry is None or entry[0] <= now or (still_valid and not still_valid(entry[1])):
        entry = (now + timeout, compute())
        cache.set(key, entry, timeout)
        LOCAL.set(key, entry, timeout)
    return entry[1]


def versioned_many(keys, compute_missing, timeout=TIMEOUT):
    """`versioned` for several keys at once: what this process lacks is asked of the
    shared cache in one round trip, and `compute_missing(keys)` returns {key: value}
    for the keys found nowhere."""
    now = time.time()
    found = {}
    for key in keys:
        entry = LOCAL.get(_stored(key))
        if entry is not None and entry[0] > now:
            found[key] = entry[1]
    lacking = [key for key in keys if key not in found]
    if lacking:
        shared = cache.get_many([_stored(key) for key in lacking])
        for key in lacking:
            entry = shared.get(_stored(key))
            if entry is not None and entry[0] > now:
                LOCAL.set(_stored(key), entry, entry[0] - now)
                found[key] = entry[1]
    missing = [key for key in keys if key not in found]
    if missing:
        entries = {key: (now + timeout, value) for key, value in compute_missing(missing).items()}
        cache.set_many({_stored(key): entry for key, entry in entries.items()}, timeout)
        for key, entry in entries.items():
            LOCAL.set(_stored(key), entry, timeout)
            found[key] = entry[1]
    return found


def cached(name, compute, *parts, still_valid=None):
    """`compute()`, or the value it gave for `name` and `parts` under the current
    content version (see `versioned`)."""
    key = ":".join(str(part) for part in ("fragment", name, freshness.version(), *parts))
    return versioned(key, compute, still_valid=still_valid)
