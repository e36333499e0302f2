"""The home page in every locale, language negotiation and the localised 404."""

import re

import pytest
from django.conf import settings

from core.languages import bcp47

RTL = {"ar"}


def html_tag(response):
    return re.search(r"<html [^>]*>", response.content.decode()).group(0)


@pytest.mark.parametrize("code", [code for code, _ in settings.LANGUAGES])
def test_every_locale_home_page_has_lang_and_dir(client, portal_site, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    tag = html_tag(response)
    assert f'lang="{bcp47(code)}"' in tag
    assert f'dir="{"rtl" if code in RTL else "ltr"}"' in tag
    # The page is the locale's own translation, not the English fallback.
    assert response.context["page"].locale.language_code == code
    assert "not yet available" not in response.content.decode()


def test_chinese_uses_the_bcp47_script_subtag(client, portal_site):
    assert 'lang="zh-Hans"' in html_tag(client.get("/zh-hans/"))


@pytest.mark.parametrize(
    "accept, expected",
    [
        ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"),
        ("ar", "/ar/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("fil", "/fil/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, portal_site, accept, expected):
    response = client.get("/", headers={"accept-language": accept} if accept else {})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("path", ["/de/", "/pt-br/", "/xx/about/"])
def test_unknown_language_prefix_is_a_localised_404(client, portal_site, path):
    response = client.get(path, headers={"accept-language": "fr"})
    assert response.status_code == 404
    body = response.content.decode()
    assert 'lang="fr"' in html_tag(response)
    assert "noindex" in body


def test_unknown_page_is_a_404_in_the_prefix_language(client, portal_site):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert 'dir="rtl"' in html_tag(response)


def test_language_switcher_lists_endonyms_of_live_translations_only(client, portal_site):
    french = portal_site.get_translation(
        portal_site.locale.__class__.objects.get(language_code="fr")
    )
    french.unpublish()
    body = client.get("/en/").content.decode()
    switcher = body[body.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert 'hreflang="ar"' in switcher and "العربية" in switcher
    assert "Français" not in switcher
    assert 'hreflang="fr"' not in body  # not advertised in <head> alternates either


def test_untranslated_page_falls_back_to_english_with_notice(client, portal_site):
    from wagtail.models import Page

    about = portal_site.add_child(
        instance=Page(title="About this portal", slug="about", locale=portal_site.locale)
    )
    assert about.live
    response = client.get("/ar/about/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'dir="rtl"' in html_tag(response)
    assert re.search(r'<main id="main" tabindex="-1" lang="en" dir="ltr">', body)
    assert 'role="note"' in body
    # Only English exists, so no Arabic alternate is advertised.
    assert 'hreflang="ar"' not in body
    assert 'rel="canonical" href="http://127.0.0.1:8000/en/about/"' in body


def test_home_page_shows_key_figures_and_etraining_call_to_action(client, portal_site):
    response = client.get("/en/")
    figures = {str(f["label"]): f["value"] for f in response.context["key_figures"]}
    assert figures["languages the portal is published in"] == len(settings.LANGUAGES)
    body = response.content.decode()
    assert settings.PORTAL_ETRAINING_URL in body
    assert "Start the e-training on mental health, recovery and community inclusion" in body


def test_server_error_page_is_localised_and_needs_no_database(rf):
    # No `db` fixture: pytest-django makes any database access here an error.
    from django.utils import translation

    from core.views import server_error

    with translation.override("ar"):
        response = server_error(rf.get("/ar/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert 'lang="ar"' in body and 'dir="rtl"' in body


@pytest.mark.parametrize("path", ["/api/v2/pages/999999/", "/admin/pages/999999/edit/"])
def test_404s_outside_the_language_prefixes_are_not_redirected(admin_client, portal_site, path):
    assert admin_client.get(path).status_code == 404
