"""Delete the search-terms counts older than SEARCH_QUERY_RETENTION_DAYS (180 by default),
after saving the counts still waiting in Redis (search/query_counts.py). Idempotent: run
it daily from cron."""

from django.conf import settings
from django.core.management.base import BaseCommand

from search.models import SearchQueryDay
from search.query_counts import flush_search_counts


class Command(BaseCommand):
    help = "Delete search-terms counts older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SEARCH_QUERY_RETENTION_DAYS,
            help="Keep this many days (default: SEARCH_QUERY_RETENTION_DAYS).",
        )

    def handle(self, *args, **options):
        days = options["days"]
        if days < 1:
            self.stderr.write("--days must be 1 or more.")
            raise SystemExit(2)
        flush_search_counts.call()
        deleted = SearchQueryDay.purge(days)
        self.stdout.write(f"Deleted {deleted} search-terms row(s) older than {days} days.")
