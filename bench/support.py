"""What the benchmarks share: the demo library to add resources to, and timing one
page through Django's test client."""

import io
import time


def demo_library():
    """Load the demo's locales, home page and library (idempotent, as load_demo is) and
    return the library page that generated resources go under."""
    from demo import home as home_demo
    from demo import locales as locales_demo
    from demo import resources as resources_demo

    out = io.StringIO()
    locales_demo.load_locales(out)
    home_demo.load(out)
    locales_demo.load(out)
    return resources_demo.load(out)


def timed(client, url, requests, before=None):
    """(milliseconds per request, the last response); `before` runs untimed each time
    (forgetting cached counts, say)."""
    samples, response = [], None
    for _ in range(requests):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    return samples, response
