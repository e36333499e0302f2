"""`manage.py restore`: put a backup set back (the newest complete one unless --stamp
names another), then migrate and rebuild the search index (docs/backups.md)."""

from dbbackup.management.commands import dbrestore
from dbbackup.storage import get_storage
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from backups import archive, sets
from backups.management.commands.backup import require_backup_location


class Command(BaseCommand):
    help = (
        "Restore the database and the stored files from a backup set, then migrate and "
        "rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stamp", help="The set to restore, e.g. 2026-11-30-031500 (default: newest)."
        )
        parser.add_argument(
            "--list", action="store_true", help="List the complete backup sets and stop."
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, **options):
        require_backup_location()
        storage = get_storage()
        available = sets.complete_sets(storage)
        if options["list"]:
            for backup in available:
                self.stdout.write(f"{backup.stamp}  {backup.database}  {backup.media}")
            return
        backup = self._choose(available, options["stamp"])
        database = settings.DATABASES["default"]["NAME"]
        if options["interactive"]:
            answer = input(
                f"This replaces the database {database} with the backup of {backup.stamp} "
                "and overwrites stored files of the same names. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")

        # No connection may stay open on the database being replaced.
        connections.close_all()
        call_command(
            dbrestore.Command(),
            input_filename=backup.database,
            uncompress=True,
            interactive=False,
            quiet=options["verbosity"] < 2,
        )
        connections.close_all()
        with storage.read_file(backup.media) as media:
            count = archive.restore(media)
        # A backup from an older release gets the newer schema; the search index (rows in
        # the database, or a search server) is rebuilt from the restored content.
        verbosity = max(options["verbosity"] - 1, 0)
        call_command("migrate", interactive=False, verbosity=verbosity)
        call_command("update_index", verbosity=verbosity, stdout=self.stdout)
        # Nothing cached from before the restore (pages, site roots, renditions) is served.
        for cache in caches.all():
            cache.clear()
        self.stdout.write(f"Restored {backup.stamp}: the database and {count} files.")

    def _choose(self, available, stamp):
        if not available:
            raise CommandError("No complete backup set found in the backup location.")
        if not stamp:
            return available[-1]
        for backup in available:
            if backup.stamp == stamp:
                return backup
        stamps = ", ".join(backup.stamp for backup in available)
        raise CommandError(f"No complete backup set {stamp!r}. Available: {stamps}.")
