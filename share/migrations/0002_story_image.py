import json

import django.db.models.deletion
from django.db import migrations, models


def link_converted_photos(apps, schema_editor):
    """Stories converted before this field existed: the photo is the image block of the
    story's first revision, made by "Convert to story" and titled after the submission."""
    Submission = apps.get_model("share", "Submission")
    Revision = apps.get_model("wagtailcore", "Revision")
    Image = apps.get_model("wagtailimages", "Image")
    converted = Submission.objects.filter(story_page__isnull=False, story_image__isnull=True)
    for submission in converted.exclude(image=""):
        first = (
            Revision.objects.filter(
                object_id=str(submission.story_page_id),
                base_content_type__app_label="wagtailcore",
                base_content_type__model="page",
            )
            .order_by("created_at", "pk")
            .first()
        )
        body = first.content.get("body") if first else None
        if isinstance(body, str):
            body = json.loads(body or "[]")
        ids = [
            block["value"].get("image")
            for block in body or []
            if block.get("type") == "image" and isinstance(block.get("value"), dict)
        ]
        image = Image.objects.filter(
            pk__in=[pk for pk in ids if pk], title=f"Shared experience {submission.pk}"
        ).first()
        if image:
            submission.story_image = image
            submission.save(update_fields=["story_image"])


class Migration(migrations.Migration):
    dependencies = [
        ("share", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="story_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
            ),
        ),
        migrations.RunPython(link_converted_photos, migrations.RunPython.noop),
    ]
