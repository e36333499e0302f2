"""Per-IP rate limit of the subscription form, counted in Django's cache."""

import hashlib

from django.core.cache import cache

from alerts import conf
from share.guards import client_address


def rate_limited(request):
    """Count this post; True once the address went over the limit in the window."""
    # Hashed: the cache never holds an IP address in clear.
    key = "alerts:rate:" + hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    window = conf.get("ALERTS_RATE_WINDOW")
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > conf.get("ALERTS_RATE_LIMIT")
