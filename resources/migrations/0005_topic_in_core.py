# The topics table did not move (core/migrations/0001_initial.py): state only.
import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
        ("resources", "0004_countries"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="resourcepage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="+", to="core.topic"),
                ),
            ],
        ),
    ]
