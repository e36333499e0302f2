"""Integration test (slow-ish, ~40 s): migrating a database with demo content forward
keeps every row (issue #12, docs/migrations.md).

Runs scripts/migration_drill.py in a subprocess: the baseline commit's schema and demo
content, then this checkout's migrations, then before/after counts and checksums. Each
run of the suite drills its own database: SQLite when DATABASE_URL is unset, PostgreSQL
(a throwaway database on the same server) when the suite runs on PostgreSQL. It needs
no test database of its own.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
DRILL = REPO / "scripts" / "migration_drill.py"
BASELINE = "2ae512e"  # the last commit before Topic moved from `portal` to `core`
TIMEOUT_SECONDS = 300


def suite_vendor():
    engine = settings.DATABASES["default"]["ENGINE"]
    return "postgresql" if "postgresql" in engine else "sqlite"


def baseline_available():
    try:
        subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--verify", "--quiet", f"{BASELINE}^{{commit}}"],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def drill_database(vendor):
    if vendor == "sqlite":
        return "sqlite"
    db = settings.DATABASES["default"]
    credentials = db["USER"] or "postgres"
    if db["PASSWORD"]:
        credentials += f":{db['PASSWORD']}"
    # A name of its own, so two suites on one server (or a manual drill) never collide.
    name = f"portal_migration_drill_{os.getpid()}"
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@pytest.mark.parametrize("vendor", ["sqlite", "postgresql"])
def test_migration_drill_keeps_every_row(vendor):
    if vendor != suite_vendor():
        pytest.skip(f"{vendor} is drilled when the suite runs on {vendor}")
    if not baseline_available():
        reason = (
            f"baseline commit {BASELINE} is not in this repository (shallow clone?); "
            "`git fetch --unshallow` to run the migration drill"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason}. CI must check out the full history.")
        pytest.skip(reason)

    command = [sys.executable, str(DRILL), "--database", drill_database(vendor)]
    command += ["--baseline", BASELINE]
    try:
        process = subprocess.run(
            command, cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
        )
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"the migration drill took more than {TIMEOUT_SECONDS} s:\n{error.stdout}")
    report = f"{process.stdout}\n{process.stderr}"
    print(report)  # shown with -rP / -s, and on failure
    assert process.returncode == 0, f"migration drill failed:\n{report}"
    assert "OK: every row survived the migration." in process.stdout
