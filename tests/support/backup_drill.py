"""The portal the restore drill backs up, and what it compares after the restore.

Both run in child processes on the drill's throwaway database, through
`manage.py shell -c`, never inside the test's transaction; each prints the snapshot the
drill compares (rows per model, pages and their live revisions) as its last line.
"""

import datetime
import hashlib
import io
import json

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from alerts.models import Subscription
from demo import home as home_demo
from demo import locales as locales_demo
from share.models import Submission
from tests.support import countries as build_countries
from tests.support.resources import build_library, make_resource
from tests.support.share import jpeg

BUILD = "from tests.support.backup_drill import prepare; prepare()"
CHECK = "from tests.support.backup_drill import check_restored; check_restored()"

# What the drill's portal must hold before it is backed up, or the drill proves nothing.
AT_LEAST = {
    "wagtailcore.Locale": 3,
    "home.HomePage": 3,
    "countries.CountryPage": 3,
    "wagtailcore.Revision": 10,
    "wagtail_localize.Translation": 1,
    "wagtailimages.Image": 1,
    "wagtailimages.Rendition": 1,
    "wagtaildocs.Document": 1,
    "countries.IndicatorValue": 2,
    "share.Submission": 2,
    "alerts.Subscription": 2,
}


def build():
    out = io.StringIO()
    for code in ("fr", "ar"):
        Locale.objects.get_or_create(language_code=code)
    home = home_demo.load(out)  # the home page in the three locales
    locales_demo.load(out)  # the topics
    arabic = Locale.objects.get(language_code="ar")

    index = build_countries.country_index(home)
    kenya = build_countries.country(index, "Kenya", "KE")
    kenya.summary = "Kenya summary, second version."
    build_countries.publish(kenya)
    build_countries.add_values(
        kenya,
        build_countries.indicator_type(),
        [(datetime.date(2023, 1, 1), 120), (datetime.date(2024, 1, 1), 340)],
    )
    build_countries.translate(kenya, "fr", title="Kenya (FR)")
    # Arabic through wagtail-localize, as translators work.
    build_countries.publish(index.copy_for_translation(arabic))
    source, _ = TranslationSource.get_or_create_from_instance(kenya)
    translation = Translation.objects.create(source=source, target_locale=arabic)
    translation.save_target(publish=True)

    image = get_image_model().objects.create(title="Meeting", file=get_test_image_file())
    image.get_rendition("fill-80x60")
    make_resource(build_library(home), "QualityRights toolkit")

    for n, name in enumerate(("first.jpg", "second.png")):
        submission = Submission(
            what_happened=f"Sample data: story {n}.",
            country=kenya,
            role="family",
            language="fr",
            email=f"sharer{n}@example.org",
        )
        submission.image.save(name, jpeg(size=(40 + n, 30), name=name), save=False)
        submission.save()
    for code in ("en", "fr"):
        Subscription.objects.create(
            email=f"reader-{code}@example.org", language=code, confirmed_at=timezone.now()
        )


def prepare():
    build()
    # The search index rebuilt as `restore` rebuilds it, so its rows compare too.
    call_command("update_index", verbosity=0)
    snapshot()


def check_restored():
    snapshot()
    # New rows still get fresh ids: PostgreSQL's sequences came back with the data.
    Subscription.objects.create(email="after-restore@example.org", language="en")


def snapshot():
    """Print rows per model, and the pages with their live revision, as JSON."""
    tables = set(connection.introspection.table_names())
    counts = {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.db_table in tables
    }
    Page = apps.get_model("wagtailcore", "Page")
    pages = [
        [code, path, title, live_revision]
        for code, path, title, live_revision in Page.objects.order_by("path").values_list(
            "locale__language_code", "url_path", "title", "live_revision_id"
        )
    ]
    print(json.dumps({"counts": counts, "pages": pages}))


def drop_database(url):
    """Drop a PostgreSQL throwaway database once the drill is done (a SQLite one goes with
    the test's tmp_path)."""
    if not url.startswith("postgres"):
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def checksums(*folders):
    """{folder name/relative path: sha256} of every file under `folders`."""
    found = {}
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            key = f"{folder.name}/{path.relative_to(folder)}"
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found
