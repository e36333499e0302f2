"""Rate limits per client address, counted in Django's cache (shared by every worker
and server when the cache is Redis), and the client's address behind a proxy."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """REMOTE_ADDR, or the header a trusted proxy sets (CLIENT_IP_HEADER, e.g.
    "HTTP_X_REAL_IP"): behind a proxy every visitor would otherwise share one address."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    forwarded = request.META.get(header, "") if header else ""
    # The last entry is the one the trusted proxy wrote; earlier ones (X-Forwarded-For)
    # come from the client and could be anything.
    return forwarded.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", "")


def over_limit(request, scope, limit, window):
    """Count this request in `scope`; True once its address made more than `limit` in
    the last `window` seconds."""
    # Hashed: the cache never holds an IP address in clear.
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"{scope}:rate:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
