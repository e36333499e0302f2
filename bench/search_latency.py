"""Search latency on a throwaway database: p50/p95 of the results page at 10,000 and
100,000 pages, on SQLite or PostgreSQL.

    .venv/bin/python bench/search_latency.py                       # SQLite, in /tmp
    .venv/bin/python bench/search_latency.py --postgres postgres://postgres@127.0.0.1:5432/portal_bench

The PostgreSQL database named is DROPPED and created again. The pages are plain Wagtail
pages with generated ten-word titles (sample data, 70% English, 15% French, 15% Spanish),
bulk-inserted and indexed through the portal's search backend; each query is a full
request to /<lang>/search/ (search, count, facets, the first ten results, rendering).
Until the resource library lands this measures the engine with short documents only.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = {
    "en": "peer support recovery community services rights training legal capacity "
    "coercion families carers housing employment advocacy dignity inclusion policy "
    "assessment toolkit guidance module workshop network listening".split(),
    "fr": "soutien pairs rétablissement communauté services droits formations formation "
    "capacité juridique contrainte familles logement emploi dignité inclusion politique "
    "évaluation guide module atelier réseau écoute".split(),
    "es": "apoyo pares recuperación comunidad servicios derechos derecho formación "
    "capacidad jurídica contención mecánica familias vivienda empleo dignidad inclusión "
    "política evaluación guía módulo taller red escucha".split(),
}
SHARES = [("en", 0.70), ("fr", 0.15), ("es", 0.15)]
QUERIES = [
    ("en", "peer support"),
    ("en", "recovery"),
    ("en", '"legal capacity"'),
    ("en", "housing employment advocacy"),
    ("en", "zzzyyyxxx"),
    ("fr", "formations"),
    ("fr", "droits familles"),
    ("es", "derechos"),
    ("es", "contención mecánica"),
]
RUNS = 10


def prepare_database(postgres_url):
    if postgres_url:
        import psycopg

        name = postgres_url.rsplit("/", 1)[1]
        admin_url = postgres_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        return postgres_url
    path = Path(tempfile.gettempdir()) / "portal-search-bench.sqlite3"
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def setup_django(database_url):
    warnings.filterwarnings("ignore", message="No directory at")  # no collected static
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_base_tree():
    import io

    from home import demo as home_demo
    from portal import demo as portal_demo

    out = io.StringIO()
    portal_demo.load_locales(out)
    home_demo.load(out)
    portal_demo.load(out)


def add_pages(count, rng, start):
    """Bulk-insert `count` live pages under the homes, then index them."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from home.models import HomePage

    content_type = ContentType.objects.get_for_model(Page)
    backend = get_search_backend("default")
    started = time.perf_counter()
    for code, share in SHARES:
        home = HomePage.objects.get(locale__language_code=code)
        number = int(count * share)
        pages = []
        for i in range(number):
            position = home.numchild + i + 1
            title = " ".join(rng.choice(WORDS[code]) for _ in range(10)).capitalize()
            slug = f"bench-{start + i}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    live=True,
                    locale_id=home.locale_id,
                    translation_key=uuid.uuid4(),
                    depth=home.depth + 1,
                    path=Page._get_path(home.path, home.depth + 1, position),
                    url_path=f"{home.url_path}{slug}/",
                )
            )
        created = Page.objects.bulk_create(pages, batch_size=2000)
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + number)
        for i in range(0, len(created), 1000):
            backend.add_bulk(Page, created[i : i + 1000])
        start += number
    # A live database has planner statistics (autovacuum gathers them); a bulk load
    # has none until this runs.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return start, time.perf_counter() - started


def measure():
    from django.test import Client

    client = Client()
    timings = []
    for code, text in QUERIES:
        url = f"/{code}/search/"
        client.get(url, {"q": text})  # warm-up
        for _ in range(RUNS):
            began = time.perf_counter()
            response = client.get(url, {"q": text})
            timings.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL database to recreate")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    setup_django(prepare_database(args.postgres))
    from django.db import connection

    build_base_tree()
    rng = random.Random(5)
    made = 0
    for size in sorted(args.sizes):
        made, seconds = add_pages(size - made, rng, made)
        made = size
        p50, p95 = measure()
        print(
            f"{connection.vendor:10} {size:>7,} pages  search p50 {p50:7.1f} ms  "
            f"p95 {p95:7.1f} ms  (indexing {seconds:.0f} s; {len(QUERIES)} queries x {RUNS})",
            flush=True,
        )


if __name__ == "__main__":
    main()
