"""An index on Wagtail's page `url_path`, which home/routing.py finds every page by: without
it each page served from the database scans the whole page table (2.6 ms at 10,000
resources on SQLite, and growing with the library). Wagtail's own model has no such index,
so it is made here, by name, and dropped on the way back."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_featured"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_url_path ON wagtailcore_page (url_path)",
            reverse_sql="DROP INDEX IF EXISTS home_page_url_path",
        ),
    ]
