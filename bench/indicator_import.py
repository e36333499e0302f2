"""Indicator import of a large file: time to read it, plan it and apply it.

    python bench/indicator_import.py
    python bench/indicator_import.py --rows 20000
    python bench/indicator_import.py --database postgres://postgres@127.0.0.1:5432/portal_bench_import

Loads the demo countries into a throwaway database (a SQLite file in /tmp by default,
made afresh each run; a PostgreSQL database named is dropped and created again), writes
a CSV of N rows (every demo country, every indicator type, one date a day going back
from yesterday, values that only grow) and the same rows as XLSX, then times, as a
moderator: reading each file (tablib), planning the rows (the preview's work), the whole
upload through Django's test client (read, plan, store, render the preview of every
row), and applying the plan (one revision per country, published). Figures, not a test.
"""

import argparse
import io
import os
import sys
import time
import warnings
from datetime import timedelta
from pathlib import Path

from support import ensure_postgres_database, refuse_development_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database", default="sqlite:////tmp/portal-bench-import.sqlite3")
    return parser.parse_args()


def setup(url):
    refuse_development_database(url, ROOT)
    if url.startswith("postgres"):
        ensure_postgres_database(url, fresh=True)
    else:
        Path(url.split("///", 1)[-1]).unlink(missing_ok=True)
    warnings.filterwarnings("ignore", message="No directory at")  # no collected static
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("MEDIA_ROOT", "/tmp/portal-bench-media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed():
    from demo import countries, home, locales

    out = io.StringIO()
    locales.load_locales(out)
    home.load(out)
    locales.load(out)
    countries.load(out)


def files(total):
    """The CSV and XLSX bytes of `total` rows, and how many countries they cover."""
    import tablib
    from django.utils import timezone

    from countries.imports.columns import COLUMNS
    from countries.imports.current import english_countries
    from countries.models import IndicatorType

    pages = list(english_countries())
    kinds = list(IndicatorType.objects.filter(locale__language_code="en"))
    days = -(-total // (len(pages) * len(kinds)))  # dates per series, rounded up
    yesterday = timezone.localdate() - timedelta(days=1)
    dataset = tablib.Dataset(headers=COLUMNS)
    for page in pages:
        for kind in kinds:
            for n in range(days):
                if len(dataset) == total:
                    break
                day = yesterday - timedelta(days=days - 1 - n)
                value = 1_000_000 + 10 * n  # above every demo value, and growing
                dataset.append(
                    [page.iso_code, page.title, kind.slug, kind.name, value, day, "bench"]
                )
    return dataset.export("csv").encode(), dataset.export("xlsx"), len(pages), len(kinds)


def timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def main():
    options = arguments()
    setup(options.database)
    seed()
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from countries.imports import reading
    from countries.imports.access import access_for
    from countries.imports.apply import apply_plan
    from countries.imports.plan import make_plan

    (csv_data, xlsx_data, countries, kinds), made = timed(lambda: files(options.rows))
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "pw")
    access = access_for(user)
    print(
        f"{connection.vendor}; {options.rows:,} rows: {countries} countries x {kinds} "
        f"indicators; CSV {len(csv_data) / 1e6:.1f} MB, XLSX {len(xlsx_data) / 1e6:.1f} MB "
        f"(written in {made:.1f} s)"
    )
    rows, seconds = timed(lambda: reading.read(ContentFile(csv_data, name="bench.csv")))
    print(f"read the CSV     {seconds:6.2f} s")
    xlsx_rows, seconds = timed(lambda: reading.read(ContentFile(xlsx_data, name="bench.xlsx")))
    print(f"read the XLSX    {seconds:6.2f} s")
    assert len(rows) == len(xlsx_rows) == options.rows
    with CaptureQueriesContext(connection) as queries:
        plan, seconds = timed(lambda: make_plan(rows, access))
    print(f"plan             {seconds:6.2f} s  {len(queries)} queries  {plan.counts}")

    client = Client()
    client.force_login(user)
    url = reverse("indicator_imports:upload")
    upload = ContentFile(csv_data, name="bench.csv")
    response, seconds = timed(lambda: client.post(url, {"file": upload}))
    assert response.status_code == 200, response.status_code
    size = len(response.content) / 1e6
    print(f"upload + preview {seconds:6.2f} s  (the preview page is {size:.1f} MB)")

    def apply():
        with transaction.atomic():
            return apply_plan(make_plan(rows, access), user)

    changes, seconds = timed(apply)
    print(f"plan + apply     {seconds:6.2f} s  {len(changes)} revisions, all published")


if __name__ == "__main__":
    main()
