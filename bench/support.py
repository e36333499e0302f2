"""What the benchmarks share: the demo (the library alone or the whole site) to add
resources to, throwaway databases, and timing one page through Django's test client."""

import io
import os
import sys
import time
from pathlib import Path


def demo_library():
    """Load the demo's locales, home page and library (idempotent, as load_demo is) and
    return the library page that generated resources go under."""
    from demo import home as home_demo
    from demo import locales as locales_demo
    from demo import resources as resources_demo

    out = io.StringIO()
    locales_demo.load_locales(out)
    home_demo.load(out)
    locales_demo.load(out)
    return resources_demo.load(out)


def timed(client, url, requests, before=None):
    """(milliseconds per request, the last response); `before` runs untimed each time
    (forgetting cached counts, say)."""
    samples, response = [], None
    for _ in range(requests):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    return samples, response


def demo_site(generated):
    """The whole demo (`load_demo`: home, countries, stories, library, translations) once,
    then `generated` resources (demo/bulk.py, incremental). Returns how many were added."""
    from django.core.management import call_command

    from countries.models import StoryPage
    from demo import bulk
    from resources.models import ResourceIndexPage

    if not StoryPage.objects.exists():
        call_command("load_demo", allow_production=True, stdout=io.StringIO())
    index = ResourceIndexPage.objects.get(locale__language_code="en")
    return bulk.add_generated(index, generated)


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def refuse_development_database(url, root):
    """Exit unless `url` is a throwaway database: never the shell's DATABASE_URL, the
    checkout's SQLite file, the development database `portal` or a test database."""
    name = url.rstrip("/").rsplit("/", 1)[-1]
    inside_checkout = url.startswith("sqlite") and Path(
        url.split("///", 1)[-1]
    ).resolve().is_relative_to(root)
    if (
        url == os.environ.get("DATABASE_URL")
        or inside_checkout
        or name in {"portal", "db.sqlite3"}
        or name.startswith("test_")
        or "portal_resources" in url
    ):
        sys.exit(f"Refusing to benchmark in {url}: use a throwaway database (see --help).")


def ensure_postgres_database(url, fresh=False):
    """Create the PostgreSQL database `url` names (dropped first when `fresh`)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
