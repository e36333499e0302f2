"""Counting searches without a database write on every search (docs/performance.md).

With Redis as the cache (REDIS_URL), a search adds one to a counter in a Redis hash, in
one round trip: atomic across processes and servers. A task saves the counters into
`SearchQueryDay` a minute later (queued at most once a minute), so a search page served
from the page cache writes nothing to the database. Without Redis (one server, the file
cache) a search writes its row at once, as it always did.

Only what `SearchQueryDay.loggable` accepts reaches Redis: text that looks like contact
details is dropped before it is counted anywhere.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from search.models import SearchQueryDay

BUFFER = "search-counts"
FLUSH_QUEUED = "search-counts:flush-queued"
FLUSH_DELAY = 60
SEP = "\t"  # normalise_query_string turns tabs into spaces: never in a query
SEARCHES, ZERO = "s", "z"

# Takes away what was saved and removes the fields that reach zero, in one step, so a
# search counted while the rows were written is kept for the next flush.
SUBTRACT = """
for i = 1, #ARGV, 2 do
    local left = redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1]))
    if left <= 0 then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return 1
"""


def redis():
    """The Redis connection of the default cache, or None when the cache is not Redis."""
    if not settings.CACHES["default"]["BACKEND"].startswith("django_redis."):
        return None
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def record(language_code, text, hits):
    query = SearchQueryDay.loggable(text)
    if query is None:
        return
    connection = redis()
    if connection is None:
        SearchQueryDay.add(timezone.now().date(), language_code, query, 1, int(hits == 0))
        return
    field = SEP.join((timezone.now().date().isoformat(), language_code, query))
    pipe = connection.pipeline(transaction=False)
    pipe.hincrby(BUFFER, field + SEP + SEARCHES, 1)
    if hits == 0:
        pipe.hincrby(BUFFER, field + SEP + ZERO, 1)
    pipe.set(FLUSH_QUEUED, 1, nx=True, ex=FLUSH_DELAY)
    if pipe.execute()[-1]:
        queue_flush()


def queue_flush():
    backend = flush_search_counts.get_backend()
    if backend.supports_defer:
        delay = datetime.timedelta(seconds=FLUSH_DELAY)
        flush_search_counts.using(run_after=timezone.now() + delay).enqueue()
    else:  # the immediate backend (development, tests): saved at once
        flush_search_counts.enqueue()


def pending():
    """{(date, language, query): [searches, zero results]} not saved yet."""
    connection = redis()
    return counts_of(connection.hgetall(BUFFER)) if connection else {}


def counts_of(raw):
    counts = {}
    for field, value in raw.items():
        date, language, query, kind = field.decode().split(SEP)
        row = counts.setdefault((date, language, query), [0, 0])
        row[0 if kind == SEARCHES else 1] += int(value)
    return counts


@task()
def flush_search_counts():
    """Save the counted searches. Run twice, it saves nothing twice: what one run saved
    is subtracted from the counters once its rows are committed."""
    connection = redis()
    if connection is None:
        return 0
    raw = connection.hgetall(BUFFER)
    counts = counts_of(raw)
    with transaction.atomic():
        for (date, language, query), (searches, zero) in counts.items():
            SearchQueryDay.add(datetime.date.fromisoformat(date), language, query, searches, zero)
        if raw:
            args = [item for field, value in raw.items() for item in (field, int(value))]
            # Once the rows are in the database (a worker killed in between counts those
            # searches twice rather than losing them).
            transaction.on_commit(lambda: connection.eval(SUBTRACT, 1, BUFFER, *args))
    return len(counts)
