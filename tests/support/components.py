"""Real components a test needs (a Debian program, a server): when one is missing the
test is skipped with the reason locally, and fails under CI=true, whose .ci/run installs
it, so a missing component is never silent."""

import os
import shutil

import pytest

# The Redis the tests use: database 15 on the local server unless REDIS_TEST_URL says.
REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def missing(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI installs it: see .ci/run)")
    pytest.skip(f"SKIPPED: {reason}")


def require_program(name, package=None):
    """The path of program `name`, or skip/fail saying which Debian package brings it."""
    path = shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/sbin/{name}") if os.access(p, os.X_OK)), None
    )
    if not path:
        missing(f"{name} not found (apt-get install {package or name})")
    return path


def require_redis(url=REDIS_URL):
    """`url` once a Redis server answers there, or skip/fail saying it does not."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        missing(f"Redis does not answer at {url}")
    return url
