"""The countries demo: idempotent, visibly sample, reachable in every locale."""

import io

import pytest
from django.conf import settings

from countries.models import CountryPage, IndicatorValue, StoryPage
from demo import countries as demo


@pytest.fixture
def demo_portal(portal_site):
    demo.load(io.StringIO())
    return portal_site


def test_running_the_demo_twice_duplicates_nothing(demo_portal):
    counts = (
        CountryPage.objects.count(),
        StoryPage.objects.count(),
        IndicatorValue.objects.count(),
    )
    demo.load(io.StringIO())
    assert counts == (
        CountryPage.objects.count(),
        StoryPage.objects.count(),
        IndicatorValue.objects.count(),
    )
    assert CountryPage.objects.filter(locale__language_code="en").count() == 15


def test_demo_is_marked_as_sample(demo_portal):
    assert set(IndicatorValue.objects.values_list("source", flat=True)) == {"sample data"}
    for story in StoryPage.objects.filter(locale__language_code="en"):
        assert story.summary.startswith("Sample story")
    assert CountryPage.objects.get(slug="turkiye", locale__language_code="en").title == "Türkiye"


def test_demo_sections_and_countries_are_reachable_in_every_locale(client, demo_portal):
    # One test for the 19 locales: loading the demo is the slow part.
    for code, _name in settings.LANGUAGES:
        response = client.get(f"/{code}/countries/")
        assert response.status_code == 200
        # The index is translated, so the header menu shows the section in this language.
        assert response.context["page"].locale.language_code == code
        assert client.get(f"/{code}/stories/").status_code == 200
        assert client.get(f"/{code}/countries/bosnia-and-herzegovina/").status_code == 200


def test_some_stories_are_translated_into_french_and_arabic(client, demo_portal):
    for code, word in [("fr", "pairs aidants"), ("ar", "داعمو الأقران")]:
        response = client.get(f"/{code}/countries/kenya/peer-supporters-join-the-team/")
        assert response.context["page"].locale.language_code == code
        assert word in response.content.decode()


def test_country_index_stays_small(client, demo_portal):
    # Low bandwidth: the whole page, map included, before compression.
    assert len(client.get("/en/countries/").content) < 120_000
