"""Parts of public pages that change only when public content does (a publish, an
unpublish, a renamed term: core/freshness.py): the main menu, the language links, term
lists, the home page's figures. Kept in the shared cache under the content version, so
no entry outlives a change in any process. Never cache here anything that depends on
who is asking: every visitor gets the same value."""

from django.core.cache import cache

from core import freshness

TIMEOUT = 60 * 60 * 24


def cached(name, compute, *parts, still_valid=None):
    """`compute()`, or the value it gave for `name` and `parts` under the current
    content version. `compute` must not return None (it would be computed every time).
    `still_valid(value)`, if given, says whether a kept value still holds for what
    changes without a publish (time passing)."""
    key = ":".join(str(part) for part in ("fragment", name, freshness.version(), *parts))
    value = cache.get(key)
    if value is None or (still_valid is not None and not still_valid(value)):
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
