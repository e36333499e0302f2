"""Library page latency with many resources: p50/p95 over repeated requests.

    python bench/library.py --resources 10000
    python bench/library.py --resources 100000 --database postgres://postgres@127.0.0.1:5432/portal_bench

Seeds a throwaway database (a SQLite file in /tmp by default; never the development
database) with the demo content plus N generated resources (resources/bulk.py), then
times the library page through Django's test client, unfiltered and filtered. Seeding
is incremental: a second run with the same N reuses the rows.
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

from support import demo_library, timed  # bench/ is on the path when a benchmark runs as a script

ROOT = Path(__file__).resolve().parent.parent
URLS = [
    ("unfiltered", "/en/resources/"),
    ("unfiltered, page 40", "/en/resources/?page=40"),
    ("type + topic + language", "/en/resources/?type=guidance&topic=recovery&language=fr"),
    (
        "two topics, access, years",
        "/en/resources/?topic=recovery&topic=peer-support"
        "&access=captions&year_from=2010&year_to=2020",
    ),
    ("most downloaded", "/en/resources/?sort=downloads"),
    ("French (locale fallback) + facet", "/fr/resources/?language=ar&sort=title"),
    ("search (demo resources indexed only)", "/en/resources/?q=peer+support"),
]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--database", default="sqlite:////tmp/portal-bench.sqlite3")
    return parser.parse_args()


def ensure_postgres_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup(args):
    if "portal_resources" in args.database or args.database.endswith("/portal"):
        sys.exit("Refusing to benchmark in a test or development database.")
    if args.database.startswith("postgres"):
        ensure_postgres_database(args.database)
    os.environ["DATABASE_URL"] = args.database
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ.setdefault("MEDIA_ROOT", "/tmp/portal-bench-media")
    sys.path.insert(0, str(ROOT))
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")  # WhiteNoise, no collectstatic
    django.setup()


def seed(total):
    from django.core.management import call_command

    from demo import bulk

    call_command("migrate", verbosity=0)
    index = demo_library()
    started = time.perf_counter()
    added = bulk.add_generated(index, total)
    if added:
        print(f"Seeded {added} resources in {time.perf_counter() - started:.1f} s")


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(requests):
    from django.db import connection
    from django.test import Client

    from core import facet_cache
    from resources.models import ResourcePage

    client = Client()
    print(f"{ResourcePage.objects.count()} resources, {connection.vendor}, {requests} requests")
    print("cached: facet counts from the cache (repeat visits); cold: counted every time")
    print(f"{'page':46} {'cached p50':>10} {'p95':>7} {'cold p50':>9} {'p95':>7} {'results':>8}")
    for label, url in URLS:
        response = client.get(url)  # warm: site cache, renditions
        assert response.status_code == 200, (url, response.status_code)
        cached, response = timed(client, url, requests)
        cold, _ = timed(client, url, requests, before=facet_cache.forget)
        count = re.search(r'role="status">([\d,]+)', response.content.decode()).group(1)
        print(
            f"{label:46} {statistics.median(cached):10.0f} {percentile(cached, 0.95):7.0f} "
            f"{statistics.median(cold):9.0f} {percentile(cold, 0.95):7.0f} {count:>8}"
        )


if __name__ == "__main__":
    options = arguments()
    setup(options)
    seed(options.resources)
    measure(options.requests)
