"""Migration drill: prove that migrating an existing database forward keeps every row.

1. Extracts a baseline revision of this repository (default: 2ae512e, the last commit
   before Topic moved from the `portal` app to `core`) into a temporary directory.
2. Runs the baseline's `manage.py migrate` and `manage.py load_demo` against a throwaway
   database, with the same Python interpreter.
3. Counts rows with plain SQL through a DB-API connection (independent of either code
   version's models), and checksums each table's primary keys.
4. Runs this checkout's `manage.py migrate` against the same database and counts again.
5. Compares: every count and checksum identical, the topic content type renamed in place
   (same id), `makemigrations --check` clean, and the current models read the same topic
   links as the SQL.

Prints a before/after table and exits 1 on any difference (2 on a setup error).

    .venv/bin/python scripts/migration_drill.py --database sqlite
    .venv/bin/python scripts/migration_drill.py --database postgres://postgres@127.0.0.1:5432
    .venv/bin/python scripts/migration_drill.py --database sqlite --baseline REV

PostgreSQL: the database named in the URL (default `portal_migration_drill`) is DROPPED
and created before the drill and dropped after it; its name must contain "drill".
SQLite: `sqlite` uses a temporary file; `sqlite:///path/to/file.sqlite3` uses that file,
which must not exist yet.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BASELINE = "2ae512e"
DEFAULT_PG_NAME = "portal_migration_drill"

# Tables whose rows the drill counts and whose primary keys it checksums. Table names are
# the database's own (verified against the database's table list before counting).
TABLES = {
    "pages": "wagtailcore_page",
    "page revisions": "wagtailcore_revision",
    "locales": "wagtailcore_locale",
    "translation sources": "wagtail_localize_translationsource",
    "translations": "wagtail_localize_translation",
    "translatable objects": "wagtail_localize_translatableobject",
    "topics": "portal_topic",
    "resource types": "resources_resourcetype",
    "audiences": "resources_audience",
    "indicator types": "countries_indicatortype",
    "indicator values (English pages)": "countries_indicatorvalue",
    "share submissions": "share_submission",
    "documents": "wagtaildocs_document",
    "images": "wagtailimages_image",
    "resource files": "resources_resourcefile",
    "story-topic links": "countries_storypage_topics",
    "resource-topic links": "resources_resourcepage_topics",
    "resource-audience links": "resources_resourcepage_audiences",
    "groups": "auth_group",
    "users": "auth_user",
    "content types": "django_content_type",
    "search index entries": "wagtailsearch_indexentry",
    "reference index": "wagtailcore_referenceindex",
    "model log entries": "wagtailcore_modellogentry",
}

# Apps added since the baseline (two-factor devices, login records...) bring content types
# of their own: these tables are compared on the rows that existed before, and the new
# rows are listed apart.
GROWS = {"django_content_type"}

# Rows a migration may drop on purpose are left out of the comparison: countries 0004
# deletes the copies of indicator values on translated country pages, which the site
# never showed (values are kept on the English page only, docs/indicators.md).
KEPT_ROWS = {
    "countries_indicatorvalue": (
        " WHERE country_id IN (SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l"
        " ON l.id = p.locale_id WHERE l.language_code = 'en')"
    ),
}

# Besides the primary key, these tables' rows are checksummed in full (these columns).
ROW_COLUMNS = {
    "portal_topic": ["id", "translation_key", "locale_id", "slug", "name"],
    "countries_storypage_topics": ["id", "storypage_id", "topic_id"],
    "resources_resourcepage_topics": ["id", "resourcepage_id", "topic_id"],
    "django_content_type": ["id", "model"],
}

# Rows that point at the topic content type, by (table, column).
TOPIC_CT_REFERENCES = [
    ("auth_permission", "content_type_id"),
    ("wagtail_localize_translatableobject", "content_type_id"),
    ("wagtailsearch_indexentry", "content_type_id"),
    ("wagtailcore_modellogentry", "content_type_id"),
    ("wagtailcore_referenceindex", "content_type_id"),
    ("wagtailcore_referenceindex", "to_content_type_id"),
]

# Run in the baseline tree after load_demo. The demo translates pages with Wagtail's own
# copy_for_translation, which leaves wagtail-localize's tables empty; this starts
# wagtail-localize translations of every topic and of a story page (source, segments and
# a translation into each other locale) so that its rows, which point at the topic's
# content type, are in the drill too. Written against Django/wagtail-localize APIs only,
# so it runs on any baseline.
LOCALIZE_SEED = """
from django.apps import apps
from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
Topic = next(m for m in apps.get_models() if m.__name__ == "Topic")
StoryPage = apps.get_model("countries", "StoryPage")
english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
others = list(Locale.objects.exclude(pk=english.pk).order_by("pk"))
instances = list(Topic.objects.filter(locale=english))
instances += list(StoryPage.objects.filter(locale=english).order_by("pk")[:1])
made = 0
for instance in instances:
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    for locale in others:
        made += Translation.objects.get_or_create(source=source, target_locale=locale)[1]
print(f"wagtail-localize: {len(instances)} sources, {made} translations")
"""

# Run in the current checkout: what the models (not the SQL) see after the migration.
ORM_PROBE = """
import json
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
Topic = apps.get_model("core", "Topic")
StoryPage = apps.get_model("countries", "StoryPage")
ResourcePage = apps.get_model("resources", "ResourcePage")
ct = ContentType.objects.get_for_model(Topic)
def links(model):
    return {
        str(page.pk): sorted(t.pk for t in page.topics.all())
        for page in model.objects.prefetch_related("topics")
        if page.topics.all()
    }
print("DRILL-ORM " + json.dumps({
    "topic_table": Topic._meta.db_table,
    "topics": Topic.objects.count(),
    "topic_content_type": [ct.id, ct.app_label, ct.model],
    "story_topic_links": StoryPage.topics.through.objects.count(),
    "resource_topic_links": ResourcePage.topics.through.objects.count(),
    "story_topics": links(StoryPage),
    "resource_topics": links(ResourcePage),
}))
"""


class DrillError(Exception):
    """The drill could not run (setup problem), as opposed to a difference found."""


# --- Databases ---------------------------------------------------------------------------


@dataclass
class Database:
    url: str  # the DATABASE_URL given to manage.py
    vendor: str  # "sqlite" or "postgresql"
    path: Path | None = None  # SQLite file
    pg: dict = field(default_factory=dict)  # psycopg connection keywords (without dbname)
    name: str = ""  # PostgreSQL database name
    cleanup: list = field(default_factory=list)

    def connect(self):
        if self.vendor == "sqlite":
            return sqlite3.connect(self.path)
        import psycopg

        return psycopg.connect(dbname=self.name, **self.pg)

    def create(self):
        if self.vendor == "postgresql":
            self._maintenance(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self._maintenance(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.vendor == "postgresql":
            self._maintenance(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        elif self.path is not None and self.path.exists():
            self.path.unlink()

    def _maintenance(self, sql):
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.pg) as conn:
            conn.execute(sql)

    def tables(self, conn):
        if self.vendor == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
        else:
            sql = (
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
        return {row[0] for row in conn.execute(sql).fetchall()}

    def primary_key(self, conn, table):
        if self.vendor == "sqlite":
            rows = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            columns = [(row[5], row[1]) for row in rows if row[5]]
            return [name for _, name in sorted(columns)]
        rows = conn.execute(
            "SELECT a.attname FROM pg_index i "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
            "WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY a.attnum",
            (table,),
        ).fetchall()
        return [row[0] for row in rows]


def open_database(spec: str, workdir: Path) -> Database:
    if spec == "sqlite":
        path = workdir / "drill.sqlite3"
        return Database(url=f"sqlite:///{path}", vendor="sqlite", path=path)
    parts = urlsplit(spec)
    if parts.scheme == "sqlite":
        path = Path(unquote(parts.path)).resolve()
        if path.exists():
            raise DrillError(f"{path} exists; the drill only builds a new SQLite file.")
        return Database(url=f"sqlite:///{path}", vendor="sqlite", path=path)
    if parts.scheme in ("postgres", "postgresql", "pgsql"):
        name = unquote(parts.path.lstrip("/")) or DEFAULT_PG_NAME
        if "drill" not in name:
            raise DrillError(
                f"Refusing to drop and recreate the database {name!r}: the drill's "
                "throwaway database must have 'drill' in its name."
            )
        pg = {
            "host": parts.hostname or "127.0.0.1",
            "port": parts.port or 5432,
            "user": unquote(parts.username or "postgres"),
            "connect_timeout": 5,
        }
        if parts.password:
            pg["password"] = unquote(parts.password)
        url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
        return Database(url=url, vendor="postgresql", pg=pg, name=name)
    raise DrillError(f"Unsupported database {spec!r}: use 'sqlite', sqlite:///… or postgres://…")


# --- Counting ----------------------------------------------------------------------------


def checksum(rows) -> str:
    digest = hashlib.sha256()
    for row in sorted(tuple("" if v is None else str(v) for v in row) for row in rows):
        digest.update("\x1f".join(row).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()[:16]


def snapshot(db: Database, topic_app: str, upto: dict | None = None) -> dict:
    """Counts and checksums, by plain SQL. Keys are row labels of the report.

    topic_app: the app that owns Topic in the code version that runs on the database
    now; rows pointing at the topic content type are counted for that app's content
    type only (rows left on a stale one are as good as lost).

    upto: {table: highest id before}, for the GROWS tables after the migration."""
    result = {"_max_ids": {}}
    with db.connect() as conn:
        tables = db.tables(conn)
        missing = sorted(t for t in [*TABLES.values(), "auth_permission"] if t not in tables)
        if missing:
            raise DrillError(
                f"Tables not found: {', '.join(missing)}. The database has: "
                + ", ".join(sorted(tables))
            )
        for label, table in TABLES.items():
            where = KEPT_ROWS.get(table, "")
            if table in GROWS:
                (result["_max_ids"][table],) = conn.execute(
                    f'SELECT MAX(id) FROM "{table}"'
                ).fetchone()
                if upto:
                    where = f" WHERE id <= {int(upto[table])}"
                    (added,) = conn.execute(
                        f'SELECT COUNT(*) FROM "{table}" WHERE id > {int(upto[table])}'
                    ).fetchone()
                    result[f"  {table}: new rows (new apps)"] = added
            (count,) = conn.execute(f'SELECT COUNT(*) FROM "{table}"{where}').fetchone()
            pk = db.primary_key(conn, table)
            cols = ", ".join(f'"{c}"' for c in pk)
            result[f"{label} ({table})"] = count
            result[f"  pk checksum {table}"] = checksum(
                conn.execute(f'SELECT {cols} FROM "{table}"{where}').fetchall()
            )
            if table in ROW_COLUMNS:
                cols = ", ".join(f'"{c}"' for c in ROW_COLUMNS[table])
                result[f"  row checksum {table}"] = checksum(
                    conn.execute(f'SELECT {cols} FROM "{table}"{where}').fetchall()
                )

        # Wagtail's own translations: pages and snippets that share a translation_key
        # with a row in another locale.
        for label, table in (
            ("page translations", "wagtailcore_page"),
            ("topic translations", "portal_topic"),
        ):
            rows = conn.execute(
                f'SELECT p.id, p.translation_key, p.locale_id FROM "{table}" p WHERE EXISTS '
                f'(SELECT 1 FROM "{table}" q WHERE q.translation_key = p.translation_key '
                "AND q.locale_id <> p.locale_id)"
            ).fetchall()
            result[f"{label} ({table}, shared translation_key)"] = len(rows)
            result[f"  row checksum {table} translations"] = checksum(rows)

        for app_label, model, count in conn.execute(
            "SELECT ct.app_label, ct.model, COUNT(*) FROM wagtailcore_page p "
            "JOIN django_content_type ct ON ct.id = p.content_type_id "
            "GROUP BY ct.app_label, ct.model ORDER BY ct.app_label, ct.model"
        ).fetchall():
            result[f"  pages: {app_label}.{model}"] = count

        topic_cts = conn.execute(
            "SELECT id, app_label, model FROM django_content_type WHERE model = 'topic' "
            "AND app_label IN ('portal', 'core') ORDER BY id"
        ).fetchall()
        result["topic content type"] = ", ".join(f"{a}.{m} id={i}" for i, a, m in topic_cts)
        topic_ct_ids = [int(row[0]) for row in topic_cts if row[1] == topic_app]
        for table, column in TOPIC_CT_REFERENCES:
            if topic_ct_ids:
                cols = ", ".join(f'"{c}"' for c in db.primary_key(conn, table))
                rows = conn.execute(
                    f'SELECT {cols} FROM "{table}" WHERE "{column}" = {topic_ct_ids[0]}'
                ).fetchall()
            else:
                rows = []
            result[f"{table}.{column} -> topic"] = len(rows)
            result[f"  pk checksum {table}.{column} -> topic"] = checksum(rows)
        if topic_ct_ids:
            perms = conn.execute(
                f"SELECT codename FROM auth_permission WHERE content_type_id = {topic_ct_ids[0]}"
            ).fetchall()
            result["  topic permissions"] = " ".join(sorted(r[0].split("_")[0] for r in perms))

        result["_topic_ct"] = [tuple(row) for row in topic_cts]
        result["_story_topics"] = _links(conn, "countries_storypage_topics", "storypage_id")
        result["_resource_topics"] = _links(
            conn, "resources_resourcepage_topics", "resourcepage_id"
        )
        result["_migrations"] = {
            (app, name) for app, name in conn.execute("SELECT app, name FROM django_migrations")
        }
    return result


def _links(conn, table, page_column):
    links = {}
    for page_id, topic_id in conn.execute(f'SELECT "{page_column}", topic_id FROM "{table}"'):
        links.setdefault(str(page_id), []).append(topic_id)
    return {page: sorted(topics) for page, topics in links.items()}


# --- Running manage.py -------------------------------------------------------------------


def manage(where: str, tree: Path, env: dict, *args, check=True) -> subprocess.CompletedProcess:
    """Run `manage.py` of a tree with the drill's interpreter and environment."""
    command = [sys.executable, "manage.py", *args]
    started = time.monotonic()
    process = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    print(f"  [{where}] manage.py {' '.join(args[:1])} ... {elapsed:.1f} s", flush=True)
    if check and process.returncode != 0:
        raise DrillError(
            f"manage.py {' '.join(args)} ({where} tree) failed with exit code "
            f"{process.returncode}:\n{process.stdout[-3000:]}\n{process.stderr[-3000:]}"
        )
    return process


def subprocess_env(db: Database, workdir: Path) -> dict:
    env = dict(os.environ)
    # Nothing of the caller's configuration may leak into the drill: no shared search
    # engine or cache, no test settings, files only under the drill's own directory.
    for name in ("ELASTICSEARCH_URL", "REDIS_URL", "PYTHONPATH", "DJANGO_CONFIGURATION"):
        env.pop(name, None)
    env.update(
        DATABASE_URL=db.url,
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        MEDIA_ROOT=str(workdir / "media"),
        SHARE_PRIVATE_ROOT=str(workdir / "media-private"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def extract(revision: str, target: Path) -> str:
    """`git archive REV | tar -x` into target; returns the full commit id."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        raise DrillError(
            f"Revision {revision!r} is not in the repository at {REPO} "
            "(a shallow clone? fetch the full history)."
        ) from error
    target.mkdir(parents=True)
    archive = subprocess.Popen(["git", "-C", str(REPO), "archive", commit], stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(target)], stdin=archive.stdout, check=True)
    archive.stdout.close()
    if archive.wait() != 0:
        raise DrillError(f"git archive {commit} failed")
    return commit


# --- Comparing ---------------------------------------------------------------------------


def compare(before: dict, after: dict, orm: dict) -> list[str]:
    problems = []
    labels = [k for k in before if not k.startswith("_")]
    labels += [k for k in after if not k.startswith("_") and k not in before]
    width = max(len(label) for label in labels) + 2
    cell = 2 + max(18, *(len(str(d.get(k, ""))) for d in (before, after) for k in labels))
    print()
    print(f"{'':{width}}{'before':>{cell}}{'after':>{cell}}")
    for label in labels:
        old, new = before.get(label, "-"), after.get(label, "-")
        if label == "topic content type":
            mark = ""  # checked below: renamed on purpose
        elif label.endswith("new rows (new apps)"):
            mark = ""  # reported, not compared: apps added since the baseline
        else:
            mark = "" if old == new else "  <-- DIFFERS"
            if mark:
                problems.append(f"{label}: {old} before, {new} after")
        print(f"{label:{width}}{old!s:>{cell}}{new!s:>{cell}}{mark}")
    print("(-> topic: rows pointing at the content type of Topic's app, portal before, core after)")
    print()

    old_ct, new_ct = before["_topic_ct"], after["_topic_ct"]
    if [row[1:] for row in old_ct] != [("portal", "topic")]:
        problems.append(f"baseline should have one portal.topic content type, has {old_ct}")
    if [row[1:] for row in new_ct] != [("core", "topic")]:
        problems.append(f"after the migration there should be one core.topic, found {new_ct}")
    elif old_ct and new_ct[0][0] != old_ct[0][0]:
        problems.append(f"topic content type id changed: {old_ct[0][0]} -> {new_ct[0][0]}")

    expected = {
        ("core", "0001_initial"),
        ("portal", "0002_topic_moved_to_core"),
        ("countries", "0003_topic_in_core"),
        ("resources", "0005_topic_in_core"),
    }
    if missing := expected - after["_migrations"]:
        problems.append(f"migrations not recorded as applied: {sorted(missing)}")
    if lost := before["_migrations"] - after["_migrations"]:
        problems.append(f"migration records lost: {sorted(lost)}")

    checks = {
        "ORM: Topic table": (orm["topic_table"], "portal_topic"),
        "ORM: Topic.objects.count()": (orm["topics"], after["topics (portal_topic)"]),
        "ORM: topic content type": (orm["topic_content_type"], [*(after["_topic_ct"] or [[]])[0]]),
        "ORM: StoryPage.topics links": (
            orm["story_topic_links"],
            after["story-topic links (countries_storypage_topics)"],
        ),
        "ORM: ResourcePage.topics links": (
            orm["resource_topic_links"],
            after["resource-topic links (resources_resourcepage_topics)"],
        ),
        "ORM: topics of each story page": (orm["story_topics"], before["_story_topics"]),
        "ORM: topics of each resource page": (orm["resource_topics"], before["_resource_topics"]),
    }
    for label, (seen, wanted) in checks.items():
        same = json.loads(json.dumps(seen)) == json.loads(json.dumps(wanted))
        shown = f"{len(seen)} pages" if isinstance(seen, dict) else seen
        print(f"{label:{width}}{'ok' if same else 'DIFFERS':>{cell}}  {shown}")
        if not same:
            problems.append(f"{label}: models see {seen!r}, SQL says {wanted!r}")
    if not before["_story_topics"] or not before["_resource_topics"]:
        problems.append("the demo content has no topic links; the drill proves nothing")
    return problems


# --- Main --------------------------------------------------------------------------------


def run(database: str, baseline: str, target: str | None = None, keep: bool = False) -> int:
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="migration-drill-"))
    db = None
    try:
        db = open_database(database, workdir)
        tree = workdir / "baseline"
        commit = extract(baseline, tree)
        if target:
            current = workdir / "target"
            shown = extract(target, current)[:12]
        else:
            current, shown = REPO, "the checkout's working tree"
        env = subprocess_env(db, workdir)
        print(f"Migration drill on {db.vendor}: baseline {commit[:12]} -> {shown}")
        print(f"  database {db.url}, files under {workdir}")
        db.create()

        manage("baseline", tree, env, "migrate", "--no-input", "-v0")
        manage("baseline", tree, env, "load_demo")
        manage("baseline", tree, env, "shell", "-c", LOCALIZE_SEED)
        before = snapshot(db, topic_app="portal")

        manage("current", current, env, "migrate", "--no-input", "-v0")
        after = snapshot(db, topic_app="core", upto=before["_max_ids"])

        problems = []
        args = ("makemigrations", "--check", "--dry-run")
        process = manage("current", current, env, *args, check=False)
        if process.returncode != 0:
            problems.append(
                f"makemigrations --check is not clean:\n{process.stdout}{process.stderr}"
            )
        process = manage("current", current, env, "migrate", "--check", check=False)
        if process.returncode != 0:
            problems.append("migrate --check: unapplied migrations remain")
        process = manage("current", current, env, "shell", "--no-imports", "-c", ORM_PROBE)
        lines = [line for line in process.stdout.splitlines() if line.startswith("DRILL-ORM ")]
        if not lines:
            raise DrillError(f"The ORM probe printed nothing:\n{process.stdout}\n{process.stderr}")
        orm = json.loads(lines[-1].removeprefix("DRILL-ORM "))

        problems += compare(before, after, orm)
        print(f"\nDrill took {time.monotonic() - started:.1f} s.")
        if problems:
            print(f"\nFAILED: {len(problems)} difference(s):", file=sys.stderr)
            for problem in problems:
                print(f"  - {problem}", file=sys.stderr)
            return 1
        print("OK: every row survived the migration.")
        return 0
    except DrillError as error:
        print(f"Drill could not run: {error}", file=sys.stderr)
        return 2
    finally:
        if keep:
            print(f"Kept {workdir} and the database {db.url if db else ''}")
        else:
            if db is not None:
                try:
                    db.drop()
                except Exception as error:  # noqa: BLE001 - cleanup must not hide the result
                    print(f"Could not drop the drill database: {error}", file=sys.stderr)
            shutil.rmtree(workdir, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database",
        default="sqlite",
        help="'sqlite' (a temporary file), sqlite:///new-file.sqlite3, or "
        f"postgres://user@host:port[/name] (default name {DEFAULT_PG_NAME}; dropped "
        "and recreated)",
    )
    parser.add_argument(
        "--baseline",
        default=DEFAULT_BASELINE,
        metavar="REV",
        help=f"git revision with the old schema (default {DEFAULT_BASELINE})",
    )
    parser.add_argument(
        "--target",
        metavar="REV",
        help="migrate forward to this git revision instead of the checkout's working tree",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database and files for inspection"
    )
    options = parser.parse_args(argv)
    return run(options.database, options.baseline, options.target, keep=options.keep)


if __name__ == "__main__":
    sys.exit(main())
