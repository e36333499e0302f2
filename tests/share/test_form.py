"""The public form: rendering in any language, a valid story stored, errors kept."""

import pytest
from django.conf import settings

from share.models import Submission
from tests.support.share import form_data

URL = "/en/share/"


def test_the_form_lists_countries_and_preselects_from_the_country_page(client, share_countries):
    response = client.get(URL + "?country=kenya")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<option value="kenya" selected>Kenya</option>' in html
    assert '<option value="ghana">Ghana</option>' in html


def test_an_unknown_country_in_the_link_is_ignored(client, share_countries):
    response = client.get(URL + "?country=atlantis")
    assert response.status_code == 200
    assert '<option value="" selected>Choose a country</option>' in response.content.decode()


@pytest.mark.parametrize("code", [code for code, _ in settings.LANGUAGES])
def test_the_form_exists_in_every_portal_language(client, share_countries, code):
    response = client.get(f"/{code}/share/")
    assert response.status_code == 200
    assert f'href="/{code}/share/" lang=' in response.content.decode()


def test_arabic_form_is_right_to_left(client, share_countries):
    response = client.get("/ar/share/")
    assert 'dir="rtl"' in response.content.decode()


def test_a_valid_story_is_stored_with_each_consent_separately(client, share_countries):
    data = form_data(
        name="Amina", email="amina@example.org", consent_publish="on", consent_contact="on"
    )
    response = client.post("/ar/share/", data)
    assert response.status_code == 302
    assert response["Location"] == "/ar/share/thanks/"
    submission = Submission.objects.get()
    assert submission.country == share_countries["kenya"]
    assert submission.language == "ar"
    assert submission.status == "new"
    assert (submission.consent_publish, submission.publish_with_name) == (True, False)
    assert submission.consent_contact
    assert submission.name == "Amina"
    assert client.get(response["Location"]).status_code == 200


def test_errors_are_summarised_tied_to_fields_and_keep_the_text(client, share_countries):
    data = form_data(role=None, country="", name="Amina", consent_publish="on")
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert Submission.objects.count() == 0
    assert 'role="alert"' in html
    assert 'href="#id_country"' in html and 'href="#id_role_0"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_country_error"' in html
    assert 'aria-describedby="id_role_error"' in html
    assert "The peer support group helped me find work again.</textarea>" in html
    assert 'value="Amina"' in html
    assert 'id="id_consent_publish" checked' in html


def test_a_name_is_needed_to_publish_with_a_name(client, share_countries):
    response = client.post(URL, form_data(publish_name="with", consent_publish="on"))
    assert "Write your name, or choose to publish without it." in response.content.decode()
    assert Submission.objects.count() == 0


def test_contact_consent_needs_an_email(client, share_countries):
    response = client.post(URL, form_data(consent_contact="on"))
    assert "Write your email address" in response.content.decode()


@pytest.mark.parametrize(
    "field, value",
    [("country", "atlantis"), ("role", "robot"), ("publish_name", "maybe"), ("email", "nope")],
)
def test_bad_values_are_form_errors(client, share_countries, field, value):
    response = client.post(URL, form_data(**{field: value}))
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert Submission.objects.count() == 0


def test_a_huge_text_is_refused_with_its_length_and_kept(client, share_countries, settings):
    settings.SHARE_MAX_TEXT_CHARS = 100
    text = "word." * 40
    response = client.post(URL, form_data(what_happened=text))
    html = response.content.decode()
    assert "Please shorten your text to 100 characters or fewer (it has 200)." in html
    assert text in html
    assert Submission.objects.count() == 0


def test_a_body_over_the_upload_limit_is_a_400_not_a_500(client, share_countries, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(URL, form_data(what_happened="x" * 5000))
    assert response.status_code == 400
