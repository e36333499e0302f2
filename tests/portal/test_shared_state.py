"""Several servers share their state: with production settings, a session saved by one
process is read by another (sessions live in the database), and a rate limit counts
requests from every process (the count lives in Redis when REDIS_URL is set)."""

import uuid

import pytest

from tests.support.components import require_redis
from tests.support.settings import REALISTIC, manage


@pytest.fixture
def redis_url():
    return require_redis()


def run(code, env):
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_session_saved_by_one_process_is_read_by_another(tmp_path, redis_url):
    env = {**REALISTIC, "REDIS_URL": redis_url, "DATABASE_URL": f"sqlite:///{tmp_path}/s.db"}
    assert manage("migrate", "sessions", "-v0", env=env).returncode == 0
    engine = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    # Not the cache-only or file engines: either would keep a session on one server.
    assert run(engine, env) in {
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    }
    key = run(
        "from importlib import import_module; from django.conf import settings;"
        "s = import_module(settings.SESSION_ENGINE).SessionStore();"
        "s['language'] = 'ar'; s.save(); print(s.session_key)",
        env,
    )
    seen = run(
        "from importlib import import_module; from django.conf import settings;"
        f"print(import_module(settings.SESSION_ENGINE).SessionStore('{key}').get('language'))",
        env,
    )
    assert seen == "ar"


def test_a_rate_limit_counts_requests_from_every_process(redis_url):
    env = {**REALISTIC, "REDIS_URL": redis_url}
    scope = f"test-{uuid.uuid4().hex}"
    count = (
        "from django.test import RequestFactory; from core.ratelimit import over_limit;"
        "request = RequestFactory().post('/', REMOTE_ADDR='203.0.113.9');"
        f"print([over_limit(request, '{scope}', 3, 60) for _ in range(%d)])"
    )
    assert run(count % 3, env) == "[False, False, False]"
    # Another process (another server) sees the three earlier requests.
    assert run(count % 1, env) == "[True]"
