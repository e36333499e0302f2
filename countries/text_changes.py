"""When a country page's text last changed, for the translation report
(countries/translation_status.py): a publish that changes only the indicator values (or
other facts the translations share) leaves every translation up to date.

The text is what wagtail-localize sends translators (its segments); its fingerprint is
kept beside the page (CountryText), so no earlier revision has to be read."""

import hashlib

from django.dispatch import receiver
from wagtail.models import PageLogEntry
from wagtail.signals import page_published
from wagtail_localize.segments.extract import extract_segments

from core import locales
from countries.models import CountryPage, CountryText


def fingerprint(page):
    text = "\n".join(
        f"{segment!r}{getattr(segment, 'template', '')}" for segment in extract_segments(page)
    )
    return hashlib.sha256(text.encode()).hexdigest()


@receiver(page_published)
def note_text_change(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, CountryPage) or instance.locale_id != locales.default().pk:
        return
    current = fingerprint(instance)
    record = CountryText.objects.filter(page_id=instance.pk).first()
    if record is None:
        # The first publish since this record began: the text may be older.
        record = _from_previous_publish(instance, revision)
    if record is None or record.fingerprint != current:
        CountryText.objects.update_or_create(
            page_id=instance.pk,
            defaults={"fingerprint": current, "published_at": instance.last_published_at},
        )
    elif record._state.adding:
        record.save()


def _from_previous_publish(page, revision):
    """An unsaved record of the publish before this one (from Wagtail's log), or None."""
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .exclude(revision_id=revision.pk if revision else None)
        .exclude(revision__isnull=True)
        .select_related("revision")
        .order_by("-timestamp")
        .first()
    )
    if entry is None:
        return None
    return CountryText(
        page_id=page.pk,
        fingerprint=fingerprint(entry.revision.as_object()),
        published_at=entry.timestamp,
    )
