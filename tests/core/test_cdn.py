"""The cache path as deployed: the portal under gunicorn (two workers, production
settings, Redis), Debian's Varnish in front with deploy/varnish/portal.vcl, and pages
published by another process (`manage.py shell`), which purges Varnish through Wagtail's
frontend cache (core/cdn.py)."""

import urllib.request

import pytest

from tests.support.live_content import HOST
from tests.support.servers import environment, gunicorn, manage, throwaway_database_url
from tests.support.varnish import varnish

KENYA = "/en/countries/kenya/"
# Everything this module publishes goes through this one portal, in order.
pytestmark = pytest.mark.django_db(False)


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"Host": HOST, **headers})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (localhost)
        return response.status, dict(response.headers), response.read().decode()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(the gunicorn address, the Varnish address, the environment to publish with)."""
    import redis

    tmp = tmp_path_factory.mktemp("cdn")
    redis.Redis.from_url("redis://127.0.0.1:6379/15").flushdb()
    env = environment(throwaway_database_url(tmp, "cdn"), tmp, TASKS_BACKEND="immediate")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(env, "shell", "-c", "from tests.support import live_content; live_content.build()")
    with gunicorn(env, workers=2) as portal:
        port = int(portal.rsplit(":", 1)[1])
        with varnish(port, tmp) as cdn:
            env["FRONTEND_CACHE_PURGE_URL"] = cdn
            yield portal, cdn, env


def publish(env, title):
    code = f"from tests.support import live_content; live_content.publish_story({title!r})"
    manage(env, "shell", "-c", code)


def test_a_publish_in_one_process_is_seen_by_every_gunicorn_worker(served):
    portal, _cdn, env = served
    # Enough requests for both workers to have served (and cached) the page.
    for _ in range(6):
        status, headers, body = fetch(portal + KENYA)
    assert status == 200 and headers["X-Page-Cache"] == "hit"
    publish(env, "Published by another process")
    for _ in range(6):
        _status, _headers, body = fetch(portal + KENYA)
        assert "Published by another process" in body


def test_varnish_keeps_public_pages_and_a_publish_purges_them(served):
    _portal, cdn, env = served
    fetch(cdn + KENYA)
    status, headers, body = fetch(cdn + KENYA)
    assert status == 200 and headers["X-Cache"] == "HIT"
    assert "Purged at once" not in body
    fetch(cdn + "/en/stories/?topic=recovery")  # a listing's query-string variant
    fetch(cdn + "/fr/feeds/stories/")

    publish(env, "Purged at once")

    for url in (KENYA, "/en/stories/?topic=recovery", "/fr/feeds/stories/"):
        _status, headers, body = fetch(cdn + url)
        assert headers["X-Cache"] == "MISS", url
    assert "Purged at once" in fetch(cdn + KENYA)[2]
    assert fetch(cdn + KENYA)[1]["X-Cache"] == "HIT"


def test_varnish_passes_signed_in_people(served):
    _portal, cdn, _env = served
    fetch(cdn + KENYA)
    _status, headers, _body = fetch(cdn + KENYA, Cookie="sessionid=abc")
    assert headers["X-Cache"] == "MISS"
    # A form token or an analytics cookie does not split the cache.
    assert fetch(cdn + KENYA, Cookie="csrftoken=x; _ga=1")[1]["X-Cache"] == "HIT"


def test_search_results_are_not_kept_by_varnish(served):
    _portal, cdn, _env = served
    fetch(cdn + "/en/search/?q=peer")
    _status, headers, _body = fetch(cdn + "/en/search/?q=peer")
    assert headers["X-Cache"] == "MISS"
    assert "no-store" in headers["Cache-Control"]
