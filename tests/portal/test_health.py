"""/healthz and /readyz (portal/health.py): what a load balancer sees when everything
answers, and when the database, the cache, the search backend or the media storage does
not: 503 naming it, and nothing about the configuration."""

import json
import socket
import urllib.error
import urllib.request

import pytest
from django.test import override_settings

from tests.support.servers import environment, free_port, gunicorn

HEALTHY = {"database": "ok", "cache": "ok", "search": "ok", "storage": "ok"}


def readyz(client):
    response = client.get("/readyz")
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert response["X-Robots-Tag"] == "noindex"
    return response.status_code, json.loads(response.content)


def test_healthz_answers_without_touching_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"
    assert response["Cache-Control"] == "no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert response["X-Request-ID"]


def test_healthz_answers_without_any_database(tmp_path):
    """In a gunicorn process whose database does not exist: /healthz is still 200 (the
    probe must not restart a web server because the database is down), /readyz says which
    service failed and nothing else."""
    missing = tmp_path / "no-such-folder" / "portal.sqlite3"
    env = environment(f"sqlite:///{missing}", tmp_path, SECURE_SSL_REDIRECT="true")
    with gunicorn(env, workers=1) as base:
        with urllib.request.urlopen(base + "/healthz", timeout=10) as response:  # noqa: S310
            assert response.status == 200 and response.read() == b"ok"  # plain HTTP too
        with pytest.raises(urllib.error.HTTPError) as failure:
            urllib.request.urlopen(base + "/readyz", timeout=30)  # noqa: S310
    body = failure.value.read().decode()
    assert failure.value.code == 503
    assert json.loads(body)["database"] == "failed"
    assert json.loads(body)["cache"] == "ok"
    assert "sqlite" not in body and "no-such-folder" not in body


@pytest.mark.django_db
def test_readyz_is_200_when_everything_answers(client):
    assert readyz(client) == (200, HEALTHY)


@pytest.mark.django_db
def test_readyz_names_a_dead_cache(client):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    caches = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": dead}}
    with override_settings(CACHES=caches):
        status, body = readyz(client)
    assert (status, body) == (503, {**HEALTHY, "cache": "failed"})


@pytest.mark.django_db
def test_readyz_names_a_dead_search_server(client):
    backends = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [f"http://127.0.0.1:{free_port()}"],
            "INDEX_PREFIX": "portal_readyz_",
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content) == {**HEALTHY, "search": "failed"}
    assert b"127.0.0.1" not in response.content


@pytest.mark.django_db
def test_readyz_names_a_storage_it_cannot_write_to(client, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")  # unwritable below, even for root
    storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(blocker / "media")},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        status, body = readyz(client)
    assert (status, body) == (503, {**HEALTHY, "storage": "failed"})


@pytest.mark.django_db
def test_readyz_does_not_wait_for_a_service_that_hangs(client, settings):
    """A Redis that accepts the connection and never answers: reported within the
    timeout, as "timeout"."""
    settings.READY_CHECK_TIMEOUT = 0.5
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        location = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
        caches = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location}}
        with override_settings(CACHES=caches):
            status, body = readyz(client)
    assert (status, body) == (503, {**HEALTHY, "cache": "timeout"})


def test_probes_answer_get_and_head_only(client, db):
    for path in ("/healthz", "/readyz"):
        assert client.head(path)["X-Robots-Tag"] == "noindex"
        assert client.post(path).status_code == 405  # GET and HEAD only
