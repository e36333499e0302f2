"""`backup` and `restore` refuse clearly when they cannot work, never restore a set that
a failed run left half-written, and the media archive keeps its files inside the stores."""

import io
import tarfile

import pytest
from dbbackup import settings as dbbackup_settings
from django.core.management import call_command
from django.core.management.base import CommandError

from backups import archive

STAMP = "2026-11-30-023000"


@pytest.fixture
def backup_dir(settings, monkeypatch, tmp_path):
    settings.BACKUP_DIR = str(tmp_path)
    # django-dbbackup reads STORAGES["dbbackup"] once, when it is imported.
    monkeypatch.setattr(dbbackup_settings, "STORAGE", "django.core.files.storage.FileSystemStorage")
    monkeypatch.setattr(dbbackup_settings, "STORAGE_OPTIONS", {"location": str(tmp_path)})
    return tmp_path


def make_set(folder, stamp, media=True):
    (folder / f"db-portal-{stamp}.sqlite3.gz").write_bytes(b"")
    if media:
        (folder / f"portal-{stamp}.tar.gz").write_bytes(b"")


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_both_commands_refuse_without_a_backup_location(settings, command):
    settings.BACKUP_DIR = settings.BACKUP_BUCKET_NAME = ""
    with pytest.raises(CommandError, match="Set BACKUP_DIR .* or BACKUP_BUCKET_NAME"):
        call_command(command)


def test_a_half_written_set_is_never_restored(backup_dir):
    make_set(backup_dir, STAMP, media=False)
    out = io.StringIO()
    call_command("restore", "--list", stdout=out)
    assert out.getvalue() == ""
    with pytest.raises(CommandError, match="No complete backup set found"):
        call_command("restore", "--no-input")


def test_an_unknown_stamp_is_refused_with_the_ones_there_are(backup_dir):
    make_set(backup_dir, STAMP)
    make_set(backup_dir, "2026-11-29-023000")
    out = io.StringIO()
    call_command("restore", "--list", stdout=out)
    assert [line.split()[0] for line in out.getvalue().splitlines()] == [
        "2026-11-29-023000",
        STAMP,
    ]
    with pytest.raises(CommandError, match=f"Available: 2026-11-29-023000, {STAMP}"):
        call_command("restore", "--stamp", "2020-01-01-000000", "--no-input")


def test_restore_asks_first_and_stops_unless_told_yes(backup_dir, monkeypatch):
    make_set(backup_dir, STAMP)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Restore cancelled"):
        call_command("restore")


def tar_with(*names):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name in names:
            member = tarfile.TarInfo(name)
            member.size = 1
            tar.addfile(member, io.BytesIO(b"x"))
    out.seek(0)
    return out


@pytest.mark.parametrize(
    "name", ["public/../../etc/cron.d/x", "private//etc/passwd", "elsewhere/file.txt", "public/"]
)
def test_an_archive_member_outside_the_stores_is_refused(name):
    with pytest.raises(archive.ArchiveError, match="Unexpected file"):
        archive.restore(tar_with(name))
