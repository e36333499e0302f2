"""The library page: facets, counts, shareable filter URLs, locale fallback."""

import re

import pytest
from wagtail.models import Locale

from core.taxonomy import Topic
from tests.support.resources import make_resource


def titles(response):
    return [r.title for r in response.context["results"]]


def facet(response, name):
    groups = {group["name"]: group for group in response.context["facets"]}
    if name not in groups:
        return {}
    return {option["slug"]: option["count"] for option in groups[name]["options"]}


@pytest.fixture
def shelf(library):
    make_resource(library, "Recovery guide", topics=["recovery"], files=("en", "fr"), year=2019)
    make_resource(library, "Peer groups", topics=["peer-support"], files=("en",), year=2021)
    make_resource(
        library, "Recovery poster", kind="poster", topics=["recovery"], files=("ar",), year=2024
    )
    make_resource(library, "Law guidance", topics=["law-and-policy-reform"], files=("fr",))
    return library


def test_or_within_a_facet_and_across_facets(client, shelf):
    response = client.get("/en/resources/?topic=recovery&topic=peer-support")
    assert sorted(titles(response)) == ["Peer groups", "Recovery guide", "Recovery poster"]
    response = client.get("/en/resources/?topic=recovery&topic=peer-support&type=guidance")
    assert sorted(titles(response)) == ["Peer groups", "Recovery guide"]
    response = client.get("/en/resources/?topic=recovery&language=fr")
    assert titles(response) == ["Recovery guide"]


def test_facets_count_under_the_other_filters_and_hide_empty_values(client, shelf):
    response = client.get("/en/resources/?type=poster")
    assert facet(response, "topic") == {"recovery": 1}
    # The type facet ignores its own filter, so other types stay on offer.
    assert facet(response, "type") == {"guidance": 3, "poster": 1}
    assert facet(response, "language") == {"ar": 1}
    response = client.get("/en/resources/?language=fr")
    assert facet(response, "topic") == {"recovery": 1, "law-and-policy-reform": 1}
    assert facet(response, "language")["en"] == 2


def test_result_count_is_announced_and_filtered_urls_are_noindex(client, shelf):
    body = client.get("/en/resources/?topic=recovery").content.decode()
    assert re.search(r'role="status">2 resources found<', body)
    assert '<meta name="robots" content="noindex">' in body
    assert "noindex" not in client.get("/en/resources/").content.decode()


def test_each_active_filter_can_be_removed_alone(client, shelf):
    response = client.get("/en/resources/?topic=recovery&topic=peer-support&language=en")
    links = {
        f"{a['field']}: {a['value']}": a["querystring"] for a in response.context["active_filters"]
    }
    assert links["Topic: Recovery"] == "?topic=peer-support&language=en"
    assert links["Language: English"] == "?topic=recovery&topic=peer-support"
    assert 'href="?topic=peer-support&amp;language=en"' in response.content.decode()


def test_results_show_type_languages_and_summary(client, shelf):
    body = client.get("/en/resources/?type=poster").content.decode()
    assert "Poster · 2024" in body
    assert '<span lang="ar" dir="rtl">العربية</span>' in body
    assert "Summary of Recovery poster." in body


def test_search_and_sorting(client, shelf):
    assert titles(client.get("/en/resources/?q=poster")) == ["Recovery poster"]
    assert titles(client.get("/en/resources/?sort=title"))[:2] == ["Law guidance", "Peer groups"]
    assert titles(client.get("/en/resources/?sort=newest"))[0] == "Recovery poster"
    assert titles(client.get("/en/resources/?year_from=2020&year_to=2021")) == [
        "Peer groups",
        "Law guidance",
    ]


def test_a_translated_locale_lists_translations_and_untranslated_english(client, shelf):
    french = Locale.objects.get(language_code="fr")
    shelf.copy_for_translation(french).save_revision().publish()
    guide = shelf.get_children().get(slug="recovery-guide").specific
    translated = guide.copy_for_translation(french)
    translated.title = "Guide du rétablissement"
    # Tagged with the French term: still found by the English slug (translation_key).
    recovery = Topic.objects.get(locale__language_code="en", slug="recovery")
    french_recovery = recovery.copy_for_translation(french)
    french_recovery.name = "Rétablissement"
    french_recovery.save()
    translated.topics = [french_recovery]
    translated.save_revision().publish()

    response = client.get("/fr/resources/?topic=recovery")
    assert sorted(titles(response)) == ["Guide du rétablissement", "Recovery poster"]
    assert facet(response, "topic")["recovery"] == 2
    body = response.content.decode()
    assert 'href="/fr/resources/recovery-guide/"' in body
    assert 'href="/fr/resources/recovery-poster/"' in body  # English page, French prefix
    assert "Rétablissement" in body


def test_untranslated_library_falls_back_under_the_arabic_prefix(client, shelf):
    response = client.get("/ar/resources/?language=ar")
    assert response.status_code == 200
    assert titles(response) == ["Recovery poster"]
    assert 'href="/ar/resources/recovery-poster/"' in response.content.decode()
