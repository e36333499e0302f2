"""Bots are turned away without losing a real person's text: honeypot, fill time and a
per-IP rate limit."""

from django.core import signing

from share.models import Submission
from tests.support.share import form_data, started

URL = "/en/share/"
TEXT = "The peer support group helped me find work again."


def test_a_filled_honeypot_looks_like_success_and_stores_nothing(client, share_countries):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == "/en/share/thanks/"
    assert Submission.objects.count() == 0


def test_the_trap_is_hidden_from_people(client, share_countries):
    html = client.get(URL).content.decode()
    assert '<div class="share-trap" aria-hidden="true">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_a_form_sent_too_fast_comes_back_with_all_the_text(client, share_countries):
    data = form_data(started=started(seconds_ago=1), name="Amina", consent_publish="on")
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "That was very quick." in html
    assert TEXT in html and 'value="Amina"' in html
    assert 'id="id_consent_publish" checked' in html
    assert 'value="kenya" selected' in html
    assert 'value="lived-experience"' in html and "checked" in html
    assert Submission.objects.count() == 0
    # The person sends it again after reading the message: it is accepted.
    assert client.post(URL, form_data()).status_code == 302
    assert Submission.objects.count() == 1


def test_a_forged_or_missing_start_time_keeps_the_text(client, share_countries):
    for token in ("", "garbage", signing.dumps(0, salt="another")):
        response = client.post(URL, form_data(started=token))
        assert "Please send it again." in response.content.decode()
        assert TEXT in response.content.decode()
    assert Submission.objects.count() == 0


def test_the_rate_limit_answers_429_and_keeps_the_text(client, share_countries, settings):
    settings.SHARE_RATE_LIMIT = 2
    for number in (1, 2):
        story = form_data(what_happened=f"Story number {number}.")
        assert client.post(URL, story).status_code == 302
    response = client.post(URL, form_data(what_happened="My third story."))
    assert response.status_code == 429
    html = response.content.decode()
    assert "please wait a while (up to an hour)" in html
    assert "My third story." in html
    assert Submission.objects.count() == 2


def test_the_rate_limit_counts_per_address(client, share_countries, settings):
    settings.SHARE_RATE_LIMIT = 1
    assert client.post(URL, form_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(URL, form_data(), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(URL, form_data(), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_the_form_needs_its_csrf_token(share_countries):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, form_data())
    assert response.status_code == 403
    assert Submission.objects.count() == 0


def test_behind_a_proxy_the_limit_follows_the_forwarded_address(client, share_countries, settings):
    settings.SHARE_RATE_LIMIT = 1
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    proxy = {"REMOTE_ADDR": "10.9.9.9"}
    assert client.post(URL, form_data(), HTTP_X_REAL_IP="198.51.100.1", **proxy).status_code == 302
    assert client.post(URL, form_data(), HTTP_X_REAL_IP="198.51.100.2", **proxy).status_code == 302
    assert client.post(URL, form_data(), HTTP_X_REAL_IP="198.51.100.1", **proxy).status_code == 429
