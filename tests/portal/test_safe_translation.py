"""A page sent for translation through wagtail-localize is not live until its
translation is published (issue #18): until then visitors get the English page with the
"not yet available" notice and lang="en", and neither hreflang nor the language switcher
offers the draft."""

from django.urls import reverse
from wagtail.models import Locale

from tests.support import countries as build


def main_of(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_a_page_sent_for_translation_stays_a_draft_until_published(
    admin_client, client, portal_site, django_capture_on_commit_callbacks
):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    arabic = Locale.objects.get(language_code="ar")
    # wagtail-localize publishes after the commit: the callbacks run as they would.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[kenya.pk]),
            {"locales": [arabic.pk]},
        )
    assert response.status_code == 302
    translated = kenya.get_translation(arabic)
    assert not translated.live

    response = client.get("/ar/countries/kenya/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This page is not yet available" in html or 'role="note"' in html
    assert main_of(response).startswith('<main id="main" tabindex="-1" lang="en" dir="ltr"')
    english = client.get("/en/countries/kenya/").content.decode()
    assert 'hreflang="ar"' not in english

    translated.specific.save_revision().publish()
    response = client.get("/ar/countries/kenya/")
    assert main_of(response).startswith('<main id="main" tabindex="-1">')
    assert 'hreflang="ar"' in client.get("/en/countries/kenya/").content.decode()
