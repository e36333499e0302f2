"""Health endpoints for load balancers and orchestrators (docs/operations.md).

- `/healthz`: the process answers. No database, no cache: a liveness probe must not
  restart a web server because PostgreSQL is down.
- `/readyz`: the database, the cache, the search backend and the media storage each answer
  within READY_CHECK_TIMEOUT seconds. 200 when all do, 503 otherwise; the JSON body names
  each one "ok", "failed" or "timeout", and nothing else: no host, no exception text (the
  failure itself is logged, by type, as a warning: a probe every few seconds must not
  become an error report each time).

A small view rather than django-health-check: the four checks are a few lines each, the
search check is the portal's own backend, and the output, timeouts and headers are
exactly what a probe needs, with no model, no table and nothing else to configure.
Checks run in threads so that one hanging service costs one timeout, not four. Each check
has its own small pool: a service that hangs keeps at most two threads waiting on it,
and cannot starve the others' checks.
"""

import logging
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

logger = logging.getLogger(__name__)


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        connection.close()  # this thread's own connection; probes must not pile them up


def check_cache():
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def check_search():
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is not None:  # Elasticsearch: one request, no retry
        timeout = settings.READY_CHECK_TIMEOUT
        client.options(request_timeout=timeout, max_retries=0).info()
        return
    try:  # the database backend: its index table answers
        IndexEntry.objects.order_by().values_list("pk").first()
    finally:
        connection.close()


def check_storage():
    # A write and a delete: uploads need both, and a missing or read-only MEDIA_ROOT or
    # bucket fails here, as `exists()` alone would not show.
    name = default_storage.save(f"readyz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "storage": check_storage,
}
_pools = {
    name: ThreadPoolExecutor(max_workers=2, thread_name_prefix=f"readyz-{name}") for name in CHECKS
}


def _no_store(response):
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def healthz(request):
    return _no_store(HttpResponse("ok", content_type="text/plain; charset=utf-8"))


@require_safe
def readyz(request):
    timeout = settings.READY_CHECK_TIMEOUT
    running = {name: _pools[name].submit(check) for name, check in CHECKS.items()}
    deadline = time.monotonic() + timeout  # all run at once: one timeout for all
    results = {}
    for name, future in running.items():
        try:
            future.result(timeout=max(0, deadline - time.monotonic()))
            results[name] = "ok"
        except FutureTimeout:
            results[name] = "timeout"
            logger.warning("Readiness check %s: no answer within %s s", name, timeout)
        except Exception as error:
            results[name] = "failed"
            logger.warning("Readiness check %s failed: %s", name, type(error).__name__)
    healthy = all(result == "ok" for result in results.values())
    return _no_store(JsonResponse(results, status=200 if healthy else 503))
