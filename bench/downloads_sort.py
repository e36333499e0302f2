"""The library's "most downloaded" sort: the running total per resource against the old
sum of every file's count per resource.

    python bench/downloads_sort.py --resources 10000
    python bench/downloads_sort.py --resources 100000 --database postgres://postgres@127.0.0.1:5432/portal_bench_qa

Seeds a throwaway database (as bench/library.py does, and sharing its seeding) with N
generated resources, two files each and download counts on about a third of the
files (sample data), fills the totals as the migration does, then times the first page
of the sort: the query alone (p50/p95 of --requests runs) for both ways, and the whole
page through Django's test client.
"""

import argparse
import os
import random
import statistics
import time

from library import percentile, setup  # bench/ is on the path
from support import demo_library


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database", default="sqlite:////tmp/portal-bench-downloads.sqlite3")
    return parser.parse_args()


def seed(total):
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.documents import get_document_model

    from demo import bulk
    from demo.sample_files import pdf_bytes
    from resources.models import DownloadCount, ResourceDownloadTotal, ResourceFile, ResourcePage

    call_command("migrate", verbosity=0)
    bulk.add_generated(demo_library(), total)
    if DownloadCount.objects.count() >= total // 2:
        return
    started = time.perf_counter()
    rng = random.Random(14)
    Document = get_document_model()
    title = "Sample file for the downloads benchmark"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save("downloads-bench.pdf", ContentFile(pdf_bytes(title, "en", 1)))
    with transaction.atomic():
        pages = list(ResourcePage.objects.filter(files__isnull=True).values_list("pk", flat=True))
        files = [
            ResourceFile(page_id=pk, document=document, language=code, sort_order=n)
            for pk in pages
            for n, code in enumerate(("en", "fr"))
        ]
        ResourceFile.objects.bulk_create(files, batch_size=5000)
        files = ResourceFile.objects.filter(download_count__isnull=True).values_list(
            "pk", "page_id"
        )
        DownloadCount.objects.bulk_create(
            (
                DownloadCount(file_id=pk, page_id=page, count=rng.randint(1, 5000))
                for pk, page in files
                if rng.random() < 0.35
            ),
            batch_size=5000,
        )
        ResourceDownloadTotal.objects.all().delete()
        fill_totals()
    print(f"Seeded files and download counts in {time.perf_counter() - started:.1f} s")


def fill_totals():
    """What migration 0006 runs."""
    import importlib

    from django.apps import apps

    importlib.import_module("resources.migrations.0006_download_totals").fill_totals(apps, None)


def old_order(queryset):
    """The sort before the running total: a sum of the file counts per resource."""
    from django.db.models import OuterRef, Subquery, Sum
    from django.db.models.functions import Coalesce

    from resources.models import DownloadCount

    total = (
        DownloadCount.objects.filter(page=OuterRef("pk"))
        .values("page")
        .annotate(total=Sum("count"))
        .values("total")
    )
    queryset = queryset.annotate(downloads=Coalesce(Subquery(total), 0))
    return queryset.order_by("-downloads", "-publication_date", "pk")


def timed_query(build, requests):
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        rows = list(build()[:20].values_list("pk", flat=True))
        samples.append((time.perf_counter() - started) * 1000)
    return samples, rows


def measure(requests):
    from django.db import connection
    from django.test import Client

    from core import i18n
    from resources import library
    from resources.models import ResourceDownloadTotal, ResourcePage

    def shown():
        return i18n.with_locale_fallback(ResourcePage.objects.live())

    resources = ResourcePage.objects.count()
    totals = ResourceDownloadTotal.objects.filter(total__gt=0).count()
    print(f"{resources} resources ({totals} ever downloaded), {connection.vendor}")
    new, new_rows = timed_query(lambda: library.order(shown(), {"sort": "downloads"}), requests)
    old, old_rows = timed_query(lambda: old_order(shown()), requests)
    assert new_rows == old_rows, "the two sorts disagree"
    client = Client()
    client.get("/en/resources/?sort=downloads")  # warm: site cache, facet counts
    pages = []
    for _ in range(requests):
        started = time.perf_counter()
        assert client.get("/en/resources/?sort=downloads").status_code == 200
        pages.append((time.perf_counter() - started) * 1000)
    print(f"{'first page of most downloaded':42} {'p50 ms':>8} {'p95 ms':>8}")
    for label, samples in [
        ("query, running total (now)", new),
        ("query, sum per resource (before)", old),
        ("whole page, facet counts cached", pages),
    ]:
        print(f"{label:42} {statistics.median(samples):8.1f} {percentile(samples, 0.95):8.1f}")


if __name__ == "__main__":
    options = arguments()
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # time the page, not the page cache
    setup(options)
    seed(options.resources)
    measure(options.requests)
