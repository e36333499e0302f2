"""Events translate like every other page type (wagtail-localize): the words are
offered to translators, the facts (times, zone, links, status) are kept in sync."""

import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import String, Translation, TranslationSource

from tests.support.events import events_index, make_event, publish

pytestmark = pytest.mark.django_db


def test_translators_get_the_words_and_the_facts_follow_the_source(portal_site, client):
    index = events_index(portal_site)
    arabic = Locale.objects.get(language_code="ar")
    publish(index.copy_for_translation(arabic))
    event = make_event(
        index,
        "Launch",
        start=(datetime.date(2022, 4, 12), datetime.time(15)),
        organisers="World Health Organization",
        interpretation=("ar", "ils"),
    )
    source, _ = TranslationSource.get_or_create_from_instance(event)
    offered = set(String.objects.filter(segments__source=source).values_list("data", flat=True))
    assert {"Launch", "Summary of Launch.", "World Health Organization"} <= offered
    assert not offered & {"Europe/Zurich", "online", "scheduled", "https://example.org/register"}
    Translation.objects.create(source=source, target_locale=arabic).save_target(publish=True)
    translated = event.get_translation(arabic).specific
    assert translated.start_utc == event.start_utc and translated.time_zone == "Europe/Zurich"
    assert translated.interpretation_codes() == ["ar", "ils"]
    assert translated.has_sign_language
    html = client.get(f"/ar/events/{translated.slug}/").content.decode()
    assert 'lang="ar" dir="rtl"' in html
