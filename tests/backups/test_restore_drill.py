"""The restore drill: a portal with pages in three locales, revisions, a wagtail-localize
translation, images, documents, indicator values, sharers' private images and alert
subscribers is backed up (`manage.py backup`), its database and files are wiped, and
`manage.py restore` brings it back into a fresh database: the same rows in every model,
the same files byte for byte. Runs on the database of the test run (SQLite, or
PostgreSQL with pg_dump/pg_restore), in child processes with production settings."""

import json
import shutil

import pytest

from tests.support.backup_drill import AT_LEAST, BUILD, CHECK, checksums, drop_database
from tests.support.components import require_program
from tests.support.servers import environment, manage, throwaway_database_url


def _snapshot(env, script):
    return json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])


@pytest.fixture
def databases(tmp_path):
    """The portal's database, and the fresh one the backup is restored into."""
    urls = [throwaway_database_url(tmp_path, name) for name in ("drill", "drill_restored")]
    yield urls
    for url in urls:
        drop_database(url)


def test_a_backup_restores_into_a_fresh_database(tmp_path, databases):
    source_url, target_url = databases
    if source_url.startswith("postgres"):
        require_program("pg_dump", "postgresql-client")
        require_program("pg_restore", "postgresql-client")
    stored = {
        "BACKUP_DIR": tmp_path / "backups",
        "SHARE_PRIVATE_ROOT": tmp_path / "private",
        # A cache of its own: a shared one would hand back another run's renditions.
        "REDIS_URL": "",
        "CACHE_DIR": tmp_path / "cache",
    }
    source = environment(source_url, tmp_path, **stored)
    manage(source, "migrate", "--no-input", "-v0")
    before = _snapshot(source, BUILD)
    files = checksums(tmp_path / "media", tmp_path / "private")
    short = {m: n for m, n in AT_LEAST.items() if before["counts"].get(m, 0) < n}
    assert not short, f"the drill's portal lacks {short}"
    assert sum(name.startswith("private/") for name in files) == 2
    assert any(name.startswith("media/documents/") for name in files)

    assert "Backup " in manage(source, "backup")
    shutil.rmtree(tmp_path / "media")
    shutil.rmtree(tmp_path / "private")
    target = environment(target_url, tmp_path, **stored)
    assert "Restored " in manage(target, "restore", "--no-input")

    after = _snapshot(target, CHECK)
    assert after["pages"] == before["pages"]
    assert after["counts"] == before["counts"]
    assert checksums(tmp_path / "media", tmp_path / "private") == files
