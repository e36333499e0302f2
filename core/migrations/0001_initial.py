"""Topic moves from the `portal` app to `core` without touching a row.

The table keeps its name (`portal_topic`), so only Django's idea of which app owns the
model changes (`SeparateDatabaseAndState`). The content type is renamed in place, so
everything that points at it keeps pointing at the same row: permissions, wagtail-localize
translation sources, search index entries.
"""

import django.db.models.deletion
import modelsearch.index
import uuid
from django.db import migrations, models


def content_type_to_core(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="core", model="topic").exists():
        ContentType.objects.filter(app_label="portal", model="topic").update(app_label="core")


def content_type_to_portal(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="portal", model="topic").exists():
        ContentType.objects.filter(app_label="core", model="topic").update(app_label="portal")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Topic",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("name", models.CharField(max_length=120)),
                        ("slug", models.SlugField(help_text="Used in web addresses and filters. Keep it the same in every language.", max_length=80)),
                        ("description", models.TextField(blank=True)),
                        ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
                    ],
                    options={
                        "verbose_name": "topic",
                        "db_table": "portal_topic",
                        "ordering": ["name"],
                        "abstract": False,
                        "constraints": [models.UniqueConstraint(fields=("locale", "slug"), name="unique_topic_slug_per_locale")],
                        "unique_together": {("translation_key", "locale")},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
        migrations.RunPython(content_type_to_core, content_type_to_portal),
    ]
