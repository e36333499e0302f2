"""Searches counted in Redis and saved by a task (search/query_counts.py): a search page
from the page cache writes nothing to the database, and no count is lost or saved twice.
Runs against the real Redis (database 15); skipped loudly without it, failed under CI."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from search import query_counts
from search.models import SearchQueryDay
from tests.support.components import require_redis

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def redis_cache(db, settings):
    url = require_redis()
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url}}
    redis = query_counts.redis()
    redis.delete(query_counts.BUFFER, query_counts.FLUSH_QUEUED)
    yield redis
    redis.delete(query_counts.BUFFER, query_counts.FLUSH_QUEUED)


def saved():
    return {
        (row.language_code, row.query): (row.searches, row.zero_results)
        for row in SearchQueryDay.objects.all()
    }


def flush(capture):
    # The counters are taken down once the rows are committed: the test's transaction
    # never commits, so run what waits for the commit.
    with capture(execute=True):
        return query_counts.flush_search_counts.call()


def test_a_search_is_counted_in_redis_and_one_flush_is_queued_a_minute_on(
    redis_cache, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    query_counts.record("en", "peer support", 3)  # queues the flush: one row
    with CaptureQueriesContext(connection) as queries:
        query_counts.record("en", "Peer  Support", 0)
        query_counts.record("ar", "دعم الأقران", 2)
    assert len(queries) == 0
    assert query_counts.pending() == {
        (str(pending_date()), "en", "peer support"): [2, 1],
        (str(pending_date()), "ar", "دعم الأقران"): [1, 0],
    }
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path.endswith("flush_search_counts") and queued.run_after is not None
    assert saved() == {}

    assert flush(django_capture_on_commit_callbacks) == 2
    assert saved() == {("en", "peer support"): (2, 1), ("ar", "دعم الأقران"): (1, 0)}
    assert query_counts.pending() == {}
    # A second run saves nothing twice.
    flush(django_capture_on_commit_callbacks)
    assert saved() == {("en", "peer support"): (2, 1), ("ar", "دعم الأقران"): (1, 0)}


def test_a_search_counted_while_the_rows_are_written_is_kept_for_the_next_flush(
    redis_cache, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    query_counts.record("en", "advocacy", 1)
    real_add = SearchQueryDay.add

    def add_while_someone_searches(*args):
        real_add(*args)
        query_counts.record("en", "advocacy", 0)

    monkeypatch.setattr(SearchQueryDay, "add", add_while_someone_searches)
    flush(django_capture_on_commit_callbacks)
    monkeypatch.setattr(SearchQueryDay, "add", real_add)
    assert saved() == {("en", "advocacy"): (1, 0)}
    assert query_counts.pending() == {(str(pending_date()), "en", "advocacy"): [1, 1]}
    flush(django_capture_on_commit_callbacks)
    assert saved() == {("en", "advocacy"): (2, 1)}


def test_a_search_page_from_the_page_cache_makes_no_database_query(
    redis_cache, settings, library, client
):
    settings.TASKS = DATABASE_TASKS
    library.save_revision().publish()
    assert client.get("/en/search/?q=peer")["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/?q=peer")
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    # Both searches are counted, the one the cache answered too.
    [(key, (searches, _zero))] = query_counts.pending().items()
    assert key == (str(pending_date()), "en", "peer") and searches == 2


def test_contact_details_are_never_counted_anywhere(redis_cache, settings):
    settings.TASKS = DATABASE_TASKS
    query_counts.record("en", "call me 0722 123 456", 0)
    query_counts.record("en", "someone@example.org", 0)
    assert redis_cache.hgetall(query_counts.BUFFER) == {}
    assert not DBTaskResult.objects.exists()


def test_with_the_immediate_backend_the_count_is_saved_at_once(
    redis_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        query_counts.record("fr", "pairs aidants", 0)
    assert saved() == {("fr", "pairs aidants"): (1, 1)}
    assert query_counts.pending() == {}


def test_without_redis_a_search_writes_its_row(db):
    assert query_counts.redis() is None
    query_counts.record("en", "recovery", 4)
    query_counts.record("en", "recovery", 0)
    assert saved() == {("en", "recovery"): (2, 1)}


def pending_date():
    from django.utils import timezone

    return timezone.now().date()
