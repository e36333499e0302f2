"""Each resource's running download total: kept across publishes, right when downloads
arrive together, what "most downloaded" sorts on, and filled from the per-file counts by
its migration."""

import importlib
import threading

import pytest
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale

from core import freshness
from resources.models import DownloadCount, ResourceDownloadTotal
from tests.support.resources import build_library, make_resource

fill_migration = importlib.import_module("resources.migrations.0006_download_totals")


def download(client, page, code="en"):
    file = page.files.get(language=code)
    response = client.get(f"/en/resources/{page.slug}/download/{file.pk}/")
    assert response.status_code == 302


def total(page):
    return ResourceDownloadTotal.objects.get(page=page).total


def test_total_sums_every_file_and_survives_publishing(client, library):
    guide = make_resource(library, "Guide", files=("en", "fr"))
    download(client, guide, "en")
    download(client, guide, "fr")
    download(client, guide, "fr")
    assert total(guide) == 3
    guide.title = "Guide, second edition"
    guide.save_revision().publish()
    guide.get_latest_revision().publish()  # publishing an older revision again
    assert total(guide) == 3
    assert sorted(DownloadCount.objects.filter(page=guide).values_list("count", flat=True)) == [
        1,
        2,
    ]


def test_a_stale_copy_of_the_row_never_overwrites_the_total(client, library):
    guide = make_resource(library, "Guide")
    download(client, guide)
    stale = ResourceDownloadTotal.objects.get(page=guide)
    download(client, guide)
    download(client, guide)
    stale.refresh_from_db()
    assert stale.total == 3


def test_a_download_refreshes_the_download_order_not_every_page(client, library):
    guide = make_resource(library, "Guide")
    content, downloads = freshness.version(), freshness.version(freshness.DOWNLOADS)
    download(client, guide)
    assert freshness.version() == content
    assert freshness.version(freshness.DOWNLOADS) != downloads


def test_most_downloaded_sorts_on_the_total(client, library):
    pages = {
        title: make_resource(library, title, files=("en", "fr"), year=year)
        for title, year in [("Never", 2024), ("Twice", 2001), ("Five", 2000), ("Once", 2010)]
    }
    for title, times in [("Twice", 2), ("Five", 5), ("Once", 1)]:
        for number in range(times):
            download(client, pages[title], ["en", "fr"][number % 2])
    response = client.get("/en/resources/?sort=downloads")
    assert [r.title for r in response.context["results"]] == ["Five", "Twice", "Once", "Never"]


def test_downloads_at_the_same_time_all_count(live_portal_site):
    """Threads with connections of their own: no increment is lost, and two first
    downloads racing to create the row make one row."""
    guide = make_resource(build_library(live_portal_site), "Guide", files=("en", "fr"))
    files = list(guide.files.all())
    start = threading.Barrier(4)
    errors = []

    def downloads(file):
        try:
            start.wait()
            for _ in range(10):
                DownloadCount.record(file)
        except Exception as error:  # reported below, with the thread's own failure
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=downloads, args=(files[n % 2],)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors and connection.vendor == "sqlite":
        pytest.skip(f"SQLite serialises writers and may refuse a busy one: {errors[0]}")
    assert not errors
    assert total(guide) == 40
    assert sorted(DownloadCount.objects.values_list("count", flat=True)) == [20, 20]


def test_the_migration_fills_totals_from_the_counts(library):
    guide = make_resource(library, "Guide", files=("en", "fr"))
    poster = make_resource(library, "Poster")
    make_resource(library, "Never downloaded")
    english, french = guide.files.get(language="en"), guide.files.get(language="fr")
    DownloadCount.objects.create(file=english, page=guide, count=7)
    DownloadCount.objects.create(file=french, page=guide, count=5)
    DownloadCount.objects.create(file=poster.files.get(), page=poster, count=2)
    ResourceDownloadTotal.objects.all().delete()
    state = MigrationExecutor(connection).loader.project_state(
        ("resources", "0006_download_totals")
    )
    fill_migration.fill_totals(state.apps, schema_editor=None)
    assert dict(ResourceDownloadTotal.objects.values_list("page__title", "total")) == {
        "Guide": 12,
        "Poster": 2,
        "Never downloaded": 0,
    }


def test_every_resource_has_a_total_from_its_creation(library):
    """The sort is an inner join: a resource without a row would drop out of it."""
    guide = make_resource(library, "Guide")
    assert total(guide) == 0
    translated = guide.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    assert total(translated) == 0
    ResourceDownloadTotal.objects.all().delete()  # as after an insert in bulk
    ResourceDownloadTotal.add_missing()
    assert ResourceDownloadTotal.objects.count() == 2
