"""Content translation with wagtail-localize: the translator's PO round trip, translated
alt text, and a French page in French."""

import json

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from tests.support.countries import country, country_index, publish, story

ALT = "Five people talk around a table in a community centre."
ALT_AR = "خمسة أشخاص يتحدثون حول طاولة في مركز مجتمعي."


@pytest.fixture
def kenya_story(portal_site):
    image = get_image_model().objects.create(title="Meeting", file=get_test_image_file())
    kenya = country(country_index(portal_site), "Kenya", "KE")
    body = [
        {"type": "text", "value": "<p>Peer supporters joined the team.</p>"},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": ALT, "decorative": False, "caption": ""},
        },
    ]
    return publish(story(kenya, "Peer supporters", body=json.dumps(body)))


def translate_with_po(page, code, translations, on_commit):
    """Do what a professional translator does: export the PO file, fill it in, import
    it, publish the translation. wagtail-localize publishes when the transaction
    commits; `on_commit` is pytest-django's django_capture_on_commit_callbacks."""
    locale = Locale.objects.get(language_code=code)
    for ancestor in page.get_ancestors().filter(depth__gte=3).specific():
        if ancestor.get_translation_or_none(locale) is None:
            publish(ancestor.copy_for_translation(locale))
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, entry.msgid)
    assert translation.import_po(po) == []
    with on_commit(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(locale)


def test_po_export_lists_the_alt_text_and_import_translates_it(client, kenya_story):
    source, _ = TranslationSource.get_or_create_from_instance(kenya_story)
    exported = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="ar")
    ).export_po()
    assert ALT in {entry.msgid for entry in exported}


def test_arabic_page_shows_the_arabic_alt_text(
    client, kenya_story, django_capture_on_commit_callbacks
):
    translate_with_po(
        kenya_story,
        "ar",
        {ALT: ALT_AR, "Peer supporters": "الداعمون الأقران"},
        django_capture_on_commit_callbacks,
    )
    body = client.get("/ar/countries/kenya/peer-supporters/").content.decode()
    assert f'alt="{ALT_AR}"' in body
    assert ALT not in body
    english = client.get("/en/countries/kenya/peer-supporters/").content.decode()
    assert f'alt="{ALT}"' in english


def test_french_page_shows_french_interface_and_content(
    client, kenya_story, django_capture_on_commit_callbacks
):
    translate_with_po(
        kenya_story, "fr", {"Peer supporters": "Pairs aidants"}, django_capture_on_commit_callbacks
    )
    response = client.get("/fr/countries/kenya/peer-supporters/")
    body = response.content.decode()
    assert response.context["page"].title == "Pairs aidants"
    assert '<html lang="fr" dir="ltr">' in body
    assert "Aller au contenu principal" in body or "Passer au contenu principal" in body
    assert "not yet available" not in body and 'role="note"' not in body


def test_translators_are_not_offered_the_slug_and_paths_stay_the_same(
    client, kenya_story, django_capture_on_commit_callbacks
):
    source, _ = TranslationSource.get_or_create_from_instance(kenya_story)
    exported = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    ).export_po()
    assert "slug" not in {entry.msgctxt for entry in exported}
    french = translate_with_po(
        kenya_story, "fr", {"Peer supporters": "Pairs aidants"}, django_capture_on_commit_callbacks
    )
    assert french.slug == kenya_story.slug
    assert french.url == "/fr/countries/kenya/peer-supporters/"
