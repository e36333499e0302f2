"""Unsubscribe links carry a keyed hash of the address (`address_key`), so a link from an
earlier email still works after the person subscribes again. Fills it for existing rows."""

from django.db import migrations, models


def fill_address_keys(apps, schema_editor):
    from alerts.tokens import address_key

    Subscription = apps.get_model("alerts", "Subscription")
    for subscription in Subscription.objects.only("pk", "email").iterator():
        Subscription.objects.filter(pk=subscription.pk).update(
            address_key=address_key(subscription.email)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscription",
            name="address_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=64),
        ),
        migrations.RunPython(fill_address_keys, migrations.RunPython.noop),
    ]
