"""REDIS_URL configures a real Redis cache (production settings, a real server)."""

import pytest

from tests.support.components import require_redis
from tests.support.settings import REALISTIC, manage


@pytest.fixture
def redis_url():
    return require_redis()


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
