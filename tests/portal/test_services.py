"""REDIS_URL configures a real Redis cache (production settings, a real server)."""

import os

import pytest

from tests.support.settings import REALISTIC, manage

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_url():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        message = f"Redis does not answer at {REDIS_URL}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return REDIS_URL


def test_redis_url_gives_a_working_cache(redis_url):
    code = (
        "from django.core.cache import cache;"
        "cache.set('portal-test-greeting', 'مرحبا', 30);"
        "from django.core.cache import caches;"
        "print(type(caches['default']).__name__, cache.get('portal-test-greeting'));"
        "cache.delete('portal-test-greeting')"
    )
    result = manage("shell", "-c", code, env={**REALISTIC, "REDIS_URL": redis_url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "RedisCache مرحبا"
