# Topic now belongs to the `core` app; its table stays (core/migrations/0001_initial.py).
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0001_initial"),
        ("countries", "0003_topic_in_core"),
        ("resources", "0005_topic_in_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Topic")]),
    ]
