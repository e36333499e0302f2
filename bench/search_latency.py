"""Search latency on a throwaway database: p50/p95 of the site search page at 10,000 and
100,000 resources, on SQLite or PostgreSQL.

    .venv/bin/python bench/search_latency.py                       # SQLite, in /tmp
    .venv/bin/python bench/search_latency.py --postgres postgres://postgres@127.0.0.1:5432/portal_bench
    .venv/bin/python bench/search_latency.py --sizes 10000         # one size only
    .venv/bin/python bench/search_latency.py --sizes 100000 --reuse  # measure again

The PostgreSQL database named (or the SQLite file) is DROPPED and created again, unless
--reuse keeps it and only adds the resources it lacks (measure after a code change
without seeding for half an hour). The demo resources plus
generated resources (resources/bulk.py: sample data, English, a title, a summary, a
description, types, topics, languages) are bulk-inserted and indexed through the
portal's search backend; each query is a full request to /<lang>/search/ (search,
count, the facets of the content type and the library, the first ten results,
rendering), timed with the facet counts computed ("cold") and from the cache.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from support import demo_library, timed  # bench/ is on the path when a benchmark runs as a script

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUERIES = [
    ("en", "peer support"),
    ("en", "recovery"),
    ("en", '"sample data"'),
    ("en", "advocacy community"),
    ("en", "recovery&type=guidance&topic=recovery"),
    ("en", "zzzyyyxxx"),
    ("fr", "soutien pairs"),
]
RUNS = 10


def prepare_database(postgres_url, reuse=False):
    if postgres_url:
        import psycopg

        name = postgres_url.rsplit("/", 1)[1]
        admin_url = postgres_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not (reuse and exists):
                connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
                connection.execute(f'CREATE DATABASE "{name}"')
        return postgres_url
    path = Path(tempfile.gettempdir()) / "portal-search-bench.sqlite3"
    if not reuse:
        path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def setup_django(database_url):
    warnings.filterwarnings("ignore", message="No directory at")  # no collected static
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("MEDIA_ROOT", "/tmp/portal-bench-media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed(total):
    """Make sure `total` generated resources exist and are indexed; returns seconds."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from demo import bulk
    from resources.models import ResourcePage

    index = demo_library()
    started = time.perf_counter()
    before = bulk.generated_count()
    bulk.add_generated(index, total)
    backend = get_search_backend("default")
    new = ResourcePage.objects.filter(slug__startswith=bulk.GENERATED_PREFIX).order_by("pk")
    pks = list(new.values_list("pk", flat=True)[before:])
    for i in range(0, len(pks), 1000):
        backend.add_bulk(ResourcePage, list(ResourcePage.objects.filter(pk__in=pks[i : i + 1000])))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # a live database has planner statistics
    return time.perf_counter() - started


def measure():
    """(cold p50, cold p95, cached p50, cached p95) in ms. Cold: the facets are counted
    every time (the first visit of a search after a publish); cached: repeat visits."""
    from django.test import Client

    from core import facet_cache

    client = Client()
    cold, cached = [], []
    for code, text in QUERIES:
        url = f"/{code}/search/?q={text}"
        client.get(url)  # warm-up: site root paths, content types
        for samples, before in ((cold, facet_cache.forget), (cached, None)):
            timings, response = timed(client, url, RUNS, before)
            assert response.status_code == 200
            samples.extend(timings)
    return (*percentiles(cold), *percentiles(cached))


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL database to recreate")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--reuse", action="store_true", help="keep an earlier run's database")
    args = parser.parse_args()
    setup_django(prepare_database(args.postgres, args.reuse))
    from django.db import connection

    for size in sorted(args.sizes):
        seconds = seed(size)
        cold_p50, cold_p95, cached_p50, cached_p95 = measure()
        print(
            f"{connection.vendor:10} {size:>7,} resources  cold p50 {cold_p50:6.0f} ms  "
            f"p95 {cold_p95:6.0f} ms  cached facets p50 {cached_p50:6.0f} ms  "
            f"p95 {cached_p95:6.0f} ms  (seeding and indexing {seconds:.0f} s; "
            f"{len(QUERIES)} queries x {RUNS} each)",
            flush=True,
        )


if __name__ == "__main__":
    main()
