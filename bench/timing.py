"""What the benchmarks share: timing one page through Django's test client."""

import time


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
