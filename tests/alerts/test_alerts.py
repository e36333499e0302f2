"""Email alerts: double opt-in in the visitor's language, digests of what is new, one-click
unsubscribe, clean-up of unconfirmed subscriptions, rate limit and honeypot."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from alerts.models import Subscription
from tests.support.countries import country, country_index, story, translate


@pytest.fixture
def kenya(portal_site):
    return country(country_index(portal_site), "Kenya", "KE")


def subscribe(client, language="en", **data):
    data = {"email": "amina@example.org", "countries": ["kenya"], **data}
    return client.post(f"/{language}/alerts/", data)


def link(message, name):
    return re.search(rf"http://testserver(/\S+/{name}/\S+/)", message.body).group(1)


def confirmed(client, kenya, language="en"):
    subscribe(client, language)
    client.get(link(mail.outbox[-1], "confirm"))
    return Subscription.objects.get()


def test_double_opt_in_in_the_visitors_language(client, kenya):
    response = subscribe(client, "fr")
    assert response.status_code == 302 and response.url == "/fr/alerts/sent/"
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.language == "fr" and subscription.countries == ["kenya"]
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert "/fr/alerts/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    response = client.get(link(message, "confirm"))
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_form_needs_a_choice_and_a_valid_address(client, kenya):
    response = subscribe(client, email="not-an-address", countries=[])
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please write an email address like name@example.org." in body
    assert "Please choose at least one country or topic." not in body  # one problem at a time
    response = subscribe(client, countries=[])
    assert "Please choose at least one country or topic." in response.content.decode()
    response = subscribe(client, countries=["atlantis"])
    assert "Please choose countries from the list." in response.content.decode()
    assert not Subscription.objects.exists() and not mail.outbox


def test_error_summary_links_reach_an_input_on_the_page(client, kenya):
    """A group of checkboxes has no element with the field's id: link its first box."""
    body = subscribe(client, email="not-an-address", countries=["atlantis"]).content.decode()
    anchors = re.findall(r'<li><a href="#([^"]+)">', body)
    assert anchors == ["id_email", "id_countries_0"]
    for anchor in anchors:
        assert f'id="{anchor}"' in body


def test_digest_sends_what_is_new_once_in_the_subscribers_language(client, kenya):
    subscription = confirmed(client, kenya, "fr")
    Subscription.objects.update(confirmed_at=timezone.now() - datetime.timedelta(hours=1))
    mail.outbox.clear()
    first = story(kenya, "Peer support in Nairobi")
    translate(first, "fr", title="Soutien par les pairs")
    story(kenya, "Training in Mombasa")
    call_command("send_alert_digests")
    (message,) = mail.outbox
    assert "Soutien par les pairs" in message.body
    assert "Training in Mombasa" in message.body  # English fallback
    assert "http://testserver/fr/countries/kenya/training-in-mombasa/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    call_command("send_alert_digests")
    assert len(mail.outbox) == 1  # nothing new: nothing sent twice
    subscription.refresh_from_db()
    assert subscription.last_sent_at is not None


def test_digest_ignores_other_countries_and_unconfirmed(client, kenya):
    subscribe(client)  # never confirmed
    ghana = country(country_index(kenya.get_parent().get_parent()), "Ghana", "GH")
    Subscription.objects.create(
        email="k@example.org",
        language="en",
        countries=["kenya"],
        confirmed_at=timezone.now() - datetime.timedelta(hours=1),
    )
    mail.outbox.clear()
    story(ghana, "Training in Accra")
    call_command("send_alert_digests")
    assert mail.outbox == []


def test_one_click_unsubscribe_without_login(client, kenya):
    confirmed(client, kenya)
    url = link(mail.outbox[-1], "unsubscribe")
    assert client.post(url).status_code == 200  # RFC 8058 one-click POST
    assert not Subscription.objects.exists()
    assert client.get(url).status_code == 200  # a second click is harmless


@pytest.mark.parametrize("path", ["/en/alerts/confirm/nope/", "/en/alerts/unsubscribe/nope/"])
def test_bad_links_are_a_friendly_404(client, portal_site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_unconfirmed_subscriptions_are_deleted_after_7_days(client, kenya):
    subscribe(client)
    Subscription.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    subscribe(client, email="new@example.org")
    call_command("send_alert_digests")
    assert list(Subscription.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_confirming_again_replaces_older_choices(client, kenya):
    confirmed(client, kenya)
    subscribe(client, countries=[], topics=["recovery"])
    client.get(link(mail.outbox[-1], "confirm"))
    assert list(Subscription.objects.values_list("topics", flat=True)) == [["recovery"]]


def test_honeypot_is_silently_dropped(client, kenya):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Subscription.objects.exists() and not mail.outbox


@override_settings(ALERTS_RATE_LIMIT=2)
def test_rate_limit_keeps_what_was_typed(client, kenya):
    subscribe(client)
    subscribe(client)
    response = subscribe(client, email="third@example.org")
    assert response.status_code == 429
    body = response.content.decode()
    assert "many times in a short time" in body
    assert 'value="third@example.org"' in body
    assert Subscription.objects.count() == 2


def test_footer_links_to_the_alerts(client, portal_site):
    assert 'href="/ar/alerts/"' in client.get("/ar/").content.decode()
    assert client.get("/ar/alerts/").status_code == 200
