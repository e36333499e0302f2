"""Language-aware matching: each locale is stemmed in its own language, on SQLite and on
PostgreSQL alike (run the suite with and without DATABASE_URL)."""

import pytest
from wagtail.models import Page

from search.query import search_pages
from tests.support.search import add_page

pytestmark = pytest.mark.django_db


def titles(results):
    return sorted(page.title for page in results)


def live_pages():
    return Page.objects.live()


def test_french_plural_finds_the_singular(portal_site):
    add_page("fr", "Formation aux droits humains", "formation")
    results, _ = search_pages(live_pages(), "formations", "fr")
    assert titles(results) == ["Formation aux droits humains"]


def test_spanish_plural_finds_the_singular(portal_site):
    add_page("es", "El derecho a decidir", "derecho")
    results, _ = search_pages(live_pages(), "derechos", "es")
    # The Spanish home page speaks of "derechos humanos" too.
    assert "El derecho a decidir" in titles(results)


def test_english_inflections_match(portal_site):
    add_page("en", "Supporting recovery in the community", "supporting-recovery")
    results, _ = search_pages(live_pages(), "support", "en")
    assert "Supporting recovery in the community" in titles(results)


def test_search_stays_in_the_active_locale(portal_site):
    add_page("fr", "Formation continue", "formation-continue")
    add_page("en", "Formation of peer groups", "formation-groups")
    french, _ = search_pages(live_pages(), "formation", "fr")
    english, _ = search_pages(live_pages(), "formation", "en")
    assert titles(french) == ["Formation continue"]
    assert titles(english) == ["Formation of peer groups"]


def test_all_languages_widens_to_every_locale(portal_site):
    add_page("fr", "Formation continue", "formation-continue")
    add_page("en", "Formation of peer groups", "formation-groups")
    results, _ = search_pages(live_pages(), "formations", "fr", scope="all")
    assert titles(results) == ["Formation continue", "Formation of peer groups"]


def test_arabic_text_is_found(portal_site):
    add_page("ar", "إنهاء الإكراه في خدمات الصحة النفسية", "ending-coercion")
    results, _ = search_pages(live_pages(), "الإكراه", "ar")
    assert titles(results) == ["إنهاء الإكراه في خدمات الصحة النفسية"]


def test_fallback_scope_adds_untranslated_english_pages(portal_site):
    translated = add_page("en", "Peer support groups", "peer-support")
    translated.copy_for_translation(
        translated.locale.__class__.objects.get(language_code="fr")
    ).save_revision().publish()
    add_page("en", "Peer support at night", "peer-night")
    results, _ = search_pages(live_pages(), "peer", "fr", scope="fallback")
    # The translated page's English original is left out: its French copy stands in.
    assert "Peer support at night" in titles(results)
    assert titles(results).count("Peer support groups") == 1
    assert {page.locale.language_code for page in results} == {"fr", "en"}


def test_admin_search_uses_the_same_backend(admin_client, portal_site):
    # The admin's page search is Wagtail's autocomplete (title prefixes), in all locales.
    add_page("fr", "Formation aux droits humains", "formation")
    response = admin_client.get("/admin/pages/search/", {"q": "formation dro"})
    assert response.status_code == 200
    assert "Formation aux droits humains" in response.text
    images = admin_client.get("/admin/images/", {"q": "anything"})
    assert images.status_code == 200
