"""The locale-fallback helpers that listings, links and the switcher rely on."""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from core import i18n


@pytest.fixture
def section(portal_site):
    """An English section with three children; one translated into French, one whose
    French translation is a draft."""
    fr = Locale.objects.get(language_code="fr")
    news = portal_site.add_child(instance=Page(title="News", slug="news"))
    pages = [news.add_child(instance=Page(title=f"Item {n}", slug=f"item-{n}")) for n in (1, 2, 3)]
    news_fr = news.copy_for_translation(fr)
    news_fr.save_revision().publish()
    translated = pages[0].copy_for_translation(fr)
    translated.title = "Article 1"
    translated.save_revision().publish()
    draft = pages[1].copy_for_translation(fr)  # never published
    return {"news": news, "pages": pages, "translated": translated, "draft": draft}


def titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_with_locale_fallback_mixes_translations_and_untranslated_sources(section):
    children = Page.objects.child_of(section["news"]) | Page.objects.filter(
        pk=section["translated"].pk
    )
    with translation.override("fr"):
        assert titles(i18n.with_locale_fallback(children.live())) == [
            "Article 1",
            "Item 2",
            "Item 3",
        ]
    with translation.override("en"):
        assert titles(i18n.with_locale_fallback(children.live())) == [
            "Item 1",
            "Item 2",
            "Item 3",
        ]


def test_with_locale_fallback_is_one_query(section, django_assert_num_queries):
    with translation.override("fr"):
        list(i18n.with_locale_fallback(Page.objects.live()))  # the locales' ids, now cached
        with django_assert_num_queries(1):
            list(i18n.with_locale_fallback(Page.objects.live()))


def test_localized_url_prefers_a_live_translation_then_the_active_prefix(section):
    first, second, _ = section["pages"]
    with translation.override("fr"):
        assert i18n.localized_url(first) == "/fr/news/item-1/"
        assert section["translated"].get_url() == "/fr/news/item-1/"
        # Item 2's French translation is a draft: the English page under /fr/.
        assert i18n.localized_url(second) == "/fr/news/item-2/"
    with translation.override("en"):
        assert i18n.localized_url(first) == "/en/news/item-1/"


def test_untranslated_child_of_a_translated_section_is_served_under_the_prefix(client, section):
    response = client.get("/fr/news/item-3/")
    assert response.status_code == 200
    assert response.context["page"].pk == section["pages"][2].pk
    assert '<main id="main" tabindex="-1" lang="en"' in response.content.decode()
    translated = client.get("/fr/news/item-1/")
    assert translated.context["page"].pk == section["translated"].pk
    assert '<main id="main" tabindex="-1">' in translated.content.decode()


def test_live_translations_skip_drafts_and_aliases(section):
    first, second, _ = section["pages"]
    assert [link["code"] for link in i18n.live_translations(first)] == ["en", "fr"]
    assert [link["code"] for link in i18n.live_translations(second)] == ["en"]
    alias = section["pages"][2].create_alias(
        parent=section["news"].get_translation(Locale.objects.get(language_code="fr")),
        update_locale=Locale.objects.get(language_code="fr"),
    )
    assert alias.alias_of_id
    assert [link["code"] for link in i18n.live_translations(section["pages"][2])] == ["en"]
    with translation.override("fr"):
        assert i18n.is_fallback(alias)


@pytest.mark.parametrize("code, expected", [("en", "a, b"), ("ar", "a، b"), ("zh-hans", "a、b")])
def test_inline_lists_use_the_languages_separator(code, expected):
    from django.template import Context, Template

    template = Template(
        "{% load core_tags %}{% for x in items %}{{ x }}"
        "{% if not forloop.last %}{% list_separator %}{% endif %}{% endfor %}"
    )
    with translation.override(code):
        assert template.render(Context({"items": ["a", "b"]})) == expected


def test_url_for_visitor_is_the_own_url_or_the_same_path_under_the_active_prefix(section):
    first, second, _ = section["pages"]
    with translation.override("fr"):
        assert i18n.url_for_visitor(section["translated"]) == "/fr/news/item-1/"
        # No live-translation look-up: an English page goes under /fr/ as it is.
        assert i18n.url_for_visitor(second) == "/fr/news/item-2/"
    with translation.override("en"):
        assert i18n.url_for_visitor(first) == "/en/news/item-1/"


def test_url_for_visitor_needs_no_query_when_the_locale_is_selected(
    section, django_assert_num_queries
):
    first = Page.objects.select_related("locale").get(pk=section["pages"][0].pk)
    first.get_url()  # warms the site's root paths, cached per request and page
    with translation.override("fr"), django_assert_num_queries(0):
        assert i18n.url_for_visitor(first) == "/fr/news/item-1/"


def test_names_by_key_reads_the_active_language_in_one_query(section, django_assert_num_queries):
    keys = [page.translation_key for page in section["pages"]]
    with translation.override("fr"), django_assert_num_queries(1):
        names = i18n.names_by_key(Page.objects.all(), keys)
    # The draft counts: names are the caller's to filter (e.g. live pages only).
    assert names == {keys[0]: "Article 1", keys[1]: "Item 2"}
    assert i18n.names_by_key(Page.objects.live(), keys, language_code="fr") == {
        keys[0]: "Article 1"
    }
    english = i18n.names_by_key(Page.objects.all(), keys, field="slug", language_code="en")
    assert english == {key: f"item-{n}" for key, n in zip(keys, (1, 2, 3), strict=True)}


def test_view_translations_keep_the_path_and_query(rf):
    request = rf.get("/en/share/", {"country": "ke"})
    with translation.override("en"):
        links = {link["code"]: link["url"] for link in i18n.view_translations(request)}
    assert links["fr"] == "/fr/share/?country=ke"
    assert links["en"] == "/en/share/?country=ke"
