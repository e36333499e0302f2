"""Email alerts: double opt-in in the visitor's language, digests of what is new, one-click
unsubscribe, links that act only on a button press, clean-up of unconfirmed
subscriptions, rate limit and honeypot."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from alerts import tokens
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


def confirmed(client, kenya, language="en", **data):
    """Subscribed through the form and confirmed with the button of the emailed link."""
    subscribe(client, language, **data)
    client.post(link(mail.outbox[-1], "confirm"))
    return Subscription.objects.get(confirmed_at__isnull=False)


def test_double_opt_in_in_the_visitors_language(client, kenya):
    response = subscribe(client, "fr")
    assert response.status_code == 302 and response.url == "/fr/alerts/sent/"
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.language == "fr" and subscription.countries == ["kenya"]
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert "/fr/alerts/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    response = client.get(link(message, "confirm"))  # opening the link asks for a press
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    response = client.post(link(message, "confirm"))
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
    client.post(link(mail.outbox[-1], "confirm"))
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


# The links in alert emails (#13): opening one (GET) changes nothing and shows a button,
# so mail scanners that open every link confirm or stop nothing; the one-click unsubscribe
# POST of mail providers (RFC 8058) still works without a CSRF token; an unsubscribe link
# from an earlier email still works after the person subscribed again.


@pytest.fixture
def browser():
    """A client that checks CSRF tokens, as a real browser session is checked."""
    return Client(enforce_csrf_checks=True)


def post_forms(response):
    return re.findall(r'<form method="post".*?</form>', response.content.decode(), re.S)


def button_form(response, url):
    """The page's form: it posts to the link itself, with a CSRF token and one button."""
    (form,) = post_forms(response)
    assert f'action="{url}"' in form
    assert re.search(r'<button type="submit"[^>]*>\s*\S', form)  # a button with words
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)


def expired_confirm_token(subscription):
    signer = signing.TimestampSigner(salt=tokens.CONFIRM)
    old = datetime.datetime.now() - datetime.timedelta(days=8)
    signer.timestamp = lambda: signing.b62_encode(int(old.timestamp()))
    return signer.sign_object(subscription.pk)


def assert_refused_plainly(client, paths):
    """Opened or posted, each path is the "link does not work" page (404): no button,
    no 500, nothing changed (the caller checks the rows)."""
    for path in paths:
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 404, (method.__name__, path)
            assert "This link does not work" in response.content.decode()
            assert not post_forms(response)


def test_opening_the_confirm_link_confirms_nothing_until_the_button(browser, client, kenya):
    subscribe(client, "fr")
    url = link(mail.outbox[-1], "confirm")
    subscription = Subscription.objects.get()
    # Bad, expired or mangled links, or one made for unsubscribing, confirm nothing.
    unsubscribe = link(mail.outbox[-1], "unsubscribe")
    assert_refused_plainly(
        client,
        [
            f"/en/alerts/confirm/{expired_confirm_token(subscription)}/",
            "/en/alerts/confirm/nope/",
            "/en/alerts/confirm/%C3%A9%00/",
            url.replace("/fr/", "/en/")[:-3] + "/",
            unsubscribe.replace("/fr/", "/en/").replace("/unsubscribe/", "/confirm/"),
        ],
    )
    response = browser.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fr"' in body and "<h1>" in body
    csrf = button_form(response, url)
    assert Subscription.objects.get().confirmed_at is None  # a scanner's GET does nothing
    assert browser.post(url).status_code == 403  # a form from elsewhere: no token
    assert Subscription.objects.get().confirmed_at is None
    response = browser.post(url, {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 200
    assert not post_forms(response)
    assert Subscription.objects.get().confirmed_at is not None


def test_opening_the_unsubscribe_link_stops_nothing_until_the_button(browser, kenya):
    subscription = confirmed(Client(), kenya, "fr")
    url = link(mail.outbox[-1], "unsubscribe")
    response = browser.get(url)
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    csrf = button_form(response, url)
    assert Subscription.objects.filter(pk=subscription.pk).exists()  # GET does nothing
    assert browser.post(url, {"csrfmiddlewaretoken": csrf}).status_code == 200
    assert not Subscription.objects.exists()
    # Opened again: it says so, with no button to press.
    response = browser.get(url)
    assert response.status_code == 200 and not post_forms(response)


def test_bad_unsubscribe_links_are_a_plain_404(client, kenya):
    subscription = confirmed(client, kenya)
    url = link(mail.outbox[-1], "unsubscribe")
    assert_refused_plainly(
        client,
        [
            "/en/alerts/unsubscribe/nope/",
            "/en/alerts/unsubscribe/" + "x" * 5000 + "/",
            url[:-3] + "/",
            link(mail.outbox[-1], "confirm").replace("/confirm/", "/unsubscribe/"),
        ],
    )
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    assert client.get(url).status_code == 200 and post_forms(client.get(url))


def test_one_click_post_from_a_mail_provider_needs_no_csrf_token(browser, kenya):
    confirmed(Client(), kenya)
    header = mail.outbox[-1].extra_headers["List-Unsubscribe"]
    url = re.fullmatch(r"<http://testserver(/\S+)>", header).group(1)
    assert browser.get(url).status_code == 200
    assert Subscription.objects.exists()
    body = mail.outbox[-1].extra_headers["List-Unsubscribe-Post"]
    response = browser.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_an_earlier_unsubscribe_link_still_works_after_subscribing_again(client, kenya):
    confirmed(client, kenya)
    Subscription.objects.update(confirmed_at=timezone.now() - datetime.timedelta(hours=1))
    story(kenya, "Peer support in Nairobi")
    call_command("send_alert_digests")
    link_a = link(mail.outbox[-1], "unsubscribe")  # from the digest
    payload = signing.b64_decode(link_a.split("/")[-2].split(":")[0].encode()).decode()
    assert "amina" not in payload.lower()  # the link does not carry the address
    assert client.post(link_a).status_code == 200
    assert not Subscription.objects.exists()

    again = confirmed(client, kenya, email="Amina@Example.org", topics=["recovery"])
    assert client.get(link_a).status_code == 200
    assert Subscription.objects.filter(pk=again.pk).exists()  # opening it changes nothing
    assert client.post(link_a).status_code == 200
    assert not Subscription.objects.exists()


def test_a_link_signed_before_address_keys_stops_every_subscription_of_the_address(client, kenya):
    first = confirmed(client, kenya)
    subscribe(client, countries=[], topics=["recovery"])  # a second, not yet confirmed
    subscribe(client, email="someone@example.org")
    legacy = signing.dumps(first.pk, salt=tokens.UNSUBSCRIBE)
    assert client.post(f"/en/alerts/unsubscribe/{legacy}/").status_code == 200
    assert list(Subscription.objects.values_list("email", flat=True)) == ["someone@example.org"]
