"""The demo events: the global launch as it happened, and upcoming samples labelled."""

import datetime
import io

import pytest
from wagtail.models import Locale

from demo import events as events_demo
from events.models import EventPage
from tests.support import countries as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(portal_site):
    build.country(build.country_index(portal_site), "Kenya", "KE")
    events_demo.load(io.StringIO())
    return events_demo.load(io.StringIO())  # twice: nothing is duplicated


def test_the_global_launch_is_on_12_april_2022_at_13_00_utc(demo):
    launch = EventPage.objects.get(slug="global-launch-qualityrights-e-training")
    assert launch.start_utc == datetime.datetime(2022, 4, 12, 13, tzinfo=datetime.UTC)
    assert launch.end_utc == datetime.datetime(2022, 4, 12, 14, 30, tzinfo=datetime.UTC)
    assert launch.interpretation_codes() == ["ar", "zh-hans", "fr", "ru", "es", "ils"]
    assert launch.has_sign_language and launch.has_live_captions and launch.is_past()


def test_upcoming_samples_say_they_are_samples(demo, client):
    upcoming = EventPage.objects.live().filter(locale=Locale.get_default()).upcoming()
    assert upcoming.count() == len(events_demo.SAMPLES)
    for event in upcoming:
        assert "(sample)" in event.title or "Sample" in event.summary
        assert "sample data" in event.description
    kenya = upcoming.get(slug="country-launch-kenya")
    assert kenya.country.slug == "kenya" and kenya.time_zone == "Africa/Nairobi"
    assert EventPage.objects.filter(locale=Locale.get_default()).count() == 4
    for code in ("en", "ar", "fr"):
        assert client.get(f"/{code}/events/").status_code == 200
