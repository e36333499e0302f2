# Each resource's running download total (resources/models/downloads.py), filled from
# the per-file counts it replaces for sorting.
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Sum


def fill_totals(apps, schema_editor):
    """A row per resource: the sum of its files' counts, or 0."""
    DownloadCount = apps.get_model("resources", "DownloadCount")
    ResourcePage = apps.get_model("resources", "ResourcePage")
    ResourceDownloadTotal = apps.get_model("resources", "ResourceDownloadTotal")
    sums = dict(
        DownloadCount.objects.values("page").annotate(total=Sum("count")).values_list(
            "page", "total"
        )
    )
    pages = ResourcePage.objects.filter(download_total__isnull=True).values_list("pk", flat=True)
    ResourceDownloadTotal.objects.bulk_create(
        (ResourceDownloadTotal(page_id=pk, total=sums.get(pk, 0)) for pk in pages.iterator()),
        batch_size=5000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ("resources", "0005_topic_in_core"),
    ]

    operations = [
        migrations.CreateModel(
            name="ResourceDownloadTotal",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="download_total",
                        serialize=False,
                        to="resources.resourcepage",
                    ),
                ),
                ("total", models.PositiveBigIntegerField(default=0, verbose_name="downloads")),
            ],
            options={
                "indexes": [
                    models.Index(fields=["-total", "page"], name="resources_download_total")
                ],
            },
        ),
        migrations.RunPython(fill_totals, migrations.RunPython.noop, elidable=True),
    ]
