"""`manage.py backup`: the database (pg_dump -Fc on PostgreSQL, SQLite's online backup)
and one archive of the public media and the sharers' private images, written as one set to
BACKUP_DIR or the BACKUP_BUCKET_NAME bucket (docs/backups.md)."""

from dbbackup import utils
from dbbackup.management.commands import dbbackup
from dbbackup.storage import get_storage
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from backups import archive, sets


def require_backup_location():
    # Without one, django-dbbackup would write next to the media: no use when the disk
    # is lost, and a public folder.
    if not (settings.BACKUP_DIR or settings.BACKUP_BUCKET_NAME):
        raise CommandError(
            "Set BACKUP_DIR (a folder on another disk) or BACKUP_BUCKET_NAME (an S3 "
            "bucket) to say where backups go; see docs/backups.md."
        )


class Command(BaseCommand):
    help = "Back up the database and every stored file (public media, sharers' images)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--clean",
            action="store_true",
            help="Then delete the oldest backups, keeping the newest BACKUP_KEEP sets.",
        )

    def handle(self, *args, **options):
        require_backup_location()
        backup = sets.new_set(sets.new_stamp())
        storage = get_storage()
        quiet = options["verbosity"] < 2
        # The database first: a file uploaded while the media is archived is then an
        # extra file, never a row whose file is missing.
        call_command(
            dbbackup.Command(), compress=True, output_filename=backup.database, quiet=quiet
        )
        with utils.create_spooled_temporary_file() as media:
            count = archive.write(media)
            media.seek(0)
            storage.write_file(media, backup.media)
        if options["clean"]:
            for kind in ("db", "media"):
                storage.clean_old_backups(
                    compressed=True, content_type=kind, keep_number=settings.BACKUP_KEEP
                )
        self.stdout.write(
            f"Backup {backup.stamp}: {backup.database} and {backup.media} ({count} files)."
        )
