"""A backup set: one database dump and one media archive, written by one `backup` run and
named with the same time stamp, in the backup storage (`STORAGES["dbbackup"]`: BACKUP_DIR
or BACKUP_BUCKET_NAME). django-dbbackup's naming is kept, so its listing, date parsing and
clean-up work on them:

    <database>-<server>-<stamp>.<sqlite3|psql.bin>.gz   (+ .metadata)
    <server>-<stamp>.tar.gz
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from dbbackup import settings as dbbackup_settings
from dbbackup import utils
from dbbackup.db.base import get_connector
from dbbackup.storage import get_storage


@dataclass(frozen=True)
class BackupSet:
    stamp: str
    database: str
    media: str

    @property
    def taken_at(self):
        return datetime.strptime(self.stamp, dbbackup_settings.DATE_FORMAT).replace(tzinfo=UTC)


def new_stamp():
    return datetime.now(UTC).strftime(dbbackup_settings.DATE_FORMAT)


def new_set(stamp, database_alias="default"):
    """The file names a backup taken now writes."""
    connector = get_connector(database_alias)
    database = utils.filename_generate(
        f"{connector.extension}.gz",
        database_name=str(connector.settings["NAME"]),
        content_type="db",
        wildcard=stamp,
    )
    media = utils.filename_generate("tar.gz", content_type="media", wildcard=stamp)
    return BackupSet(stamp, database, media)


def complete_sets(storage=None):
    """The sets in the backup storage that have both files, oldest first. A run that
    failed half-way leaves an incomplete set, never restored."""
    storage = storage or get_storage()
    found = {}
    for kind in ("db", "media"):
        for name in storage.list_backups(compressed=True, content_type=kind):
            found.setdefault(utils.filename_to_datestring(name), {})[kind] = name
    sets = [
        BackupSet(stamp, files["db"], files["media"])
        for stamp, files in found.items()
        if stamp and {"db", "media"} <= files.keys()
    ]
    return sorted(sets, key=lambda backup: backup.taken_at)
