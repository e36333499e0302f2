"""One subscriber's digest that cannot be sent (address refused, connection dropped) is
logged without the address, retried next run, and does not stop the others' (#13)."""

import datetime
import io
import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from alerts.models import Subscription
from tests.support.countries import country, country_index, story

REFUSING = "tests.alerts.test_digest_failures.RefusingBackend"
ADDRESSES = ["first@example.org", "refused@example.org", "third@example.org"]


class RefusingBackend(EmailBackend):
    """locmem, except that a message to an address in `refused` raises `error(address)`
    as Django's SMTP backend does when the server refuses it or the connection drops.
    Set `refused` and `error` on the class (tests restore them)."""

    refused = set()
    error = staticmethod(
        lambda address: smtplib.SMTPRecipientsRefused({address: (550, b"5.1.1 No such user")})
    )

    def send_messages(self, messages):
        for message in messages:
            for address in message.recipients():
                if address in self.refused:
                    raise self.error(address)
        return super().send_messages(messages)


@pytest.fixture
def kenya(portal_site):
    return country(country_index(portal_site), "Kenya", "KE")


@pytest.fixture
def refusing(monkeypatch):
    """The backend refuses what the test adds to the returned set."""
    refused = set()
    monkeypatch.setattr(RefusingBackend, "refused", refused)
    with override_settings(EMAIL_BACKEND=REFUSING):
        yield refused


@pytest.fixture
def subscribers(kenya):
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    subscriptions = [
        Subscription.objects.create(
            email=address, language="en", countries=["kenya"], confirmed_at=an_hour_ago
        )
        for address in ADDRESSES
    ]
    story(kenya, "Peer support in Nairobi")
    return subscriptions


def run():
    out = io.StringIO()
    call_command("send_alert_digests", stdout=out)
    return out.getvalue()


def recipients():
    return [address for message in mail.outbox for address in message.to]


@pytest.mark.parametrize(
    "error",
    [
        lambda address: smtplib.SMTPRecipientsRefused({address: (550, b"5.1.1 No such user")}),
        lambda address: smtplib.SMTPServerDisconnected(f"lost the line sending to {address}"),
        lambda address: ConnectionResetError(104, "Connection reset by peer"),
    ],
    ids=["refused", "disconnected", "reset"],
)
def test_one_failure_is_logged_skipped_and_retried_next_run(
    subscribers, refusing, monkeypatch, caplog, error
):
    first, refused, third = subscribers
    refusing.add(refused.email)
    monkeypatch.setattr(RefusingBackend, "error", staticmethod(error))
    with caplog.at_level(logging.WARNING):
        summary = run()
    assert recipients() == ["first@example.org", "third@example.org"]
    assert "2 digests sent, 1 failed" in summary
    # Logged by the subscription's id, never the address (not even in an SMTP reply).
    log = caplog.text
    assert f"subscription {refused.pk} " in log
    assert "refused@example.org" not in log and "refused@example.org" not in summary
    for subscription in subscribers:
        subscription.refresh_from_db()
    assert refused.last_sent_at is None
    assert first.last_sent_at is not None and third.last_sent_at is not None

    # The next run sends it (and only it): nothing was lost, nothing is sent twice.
    refusing.clear()
    mail.outbox.clear()
    assert "1 digests sent, 0 failed" in run()
    assert recipients() == ["refused@example.org"]
    assert "Peer support in Nairobi" in mail.outbox[0].body


def test_the_command_fails_only_when_every_digest_failed(subscribers, refusing):
    refusing.update(ADDRESSES)
    with pytest.raises(CommandError, match="0 digests sent, 3 failed"):
        run()
    assert not Subscription.objects.filter(last_sent_at__isnull=False).exists()
    refusing.difference_update(ADDRESSES[:1])
    assert "1 digests sent, 2 failed" in run()  # one got through: no error status
