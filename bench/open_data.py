"""Open data downloads with many rows: time to stream them and peak Python memory.

    python bench/open_data.py --rows 100000
    python bench/open_data.py --rows 100000 --database postgres://postgres@127.0.0.1:5432/portal_bench

Seeds a throwaway database (a SQLite file in /tmp by default) with the demo portal,
N indicator values on one country and N generated resources (resources/bulk.py), then
reads /open-data/{indicators,resources}.csv through Django's test client, consuming the
streamed response chunk by chunk under tracemalloc.
"""

import argparse
import datetime
import time
import tracemalloc

import library  # bench/library.py: the throwaway database set-up and demo seeding


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database", default="sqlite:////tmp/portal-bench-opendata.sqlite3")
    return parser.parse_args()


def seed_indicators(total):
    import io

    from countries.models import CountryPage, IndicatorType, IndicatorValue
    from demo import countries as countries_demo

    if not CountryPage.objects.exists():
        countries_demo.load(io.StringIO())
    country = CountryPage.objects.filter(locale__language_code="en").first()
    kind = IndicatorType.objects.filter(locale__language_code="en").first()
    missing = total - IndicatorValue.objects.count()
    day = datetime.date(2000, 1, 1)
    IndicatorValue.objects.bulk_create(
        (
            IndicatorValue(country=country, indicator=kind, date=day, value=n, source="bench")
            for n in range(max(missing, 0))
        ),
        batch_size=5000,
    )


def measure(path):
    from django.test import Client

    response = Client().get(path)
    tracemalloc.start()
    started = time.perf_counter()
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"{path:30} {lines - 1:>8} rows {size / 1e6:7.1f} MB {elapsed:6.1f} s "
        f"peak {peak / 1e6:6.1f} MB"
    )


if __name__ == "__main__":
    options = arguments()
    library.setup(options)
    library.seed(options.rows)
    seed_indicators(options.rows)
    from django.db import connection

    print(f"{connection.vendor}; tracemalloc slows streaming: times are upper bounds")
    measure("/open-data/indicators.csv")
    measure("/open-data/resources.csv")
