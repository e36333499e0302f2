"""Email each confirmed subscriber what was published since their last digest, and delete
subscriptions left unconfirmed for ALERTS_CONFIRM_DAYS. Idempotent: run it from cron.

Each subscriber's digest is on its own: if it cannot be sent (the mail server refuses the
address, the connection drops...), the failure is logged with the subscription's id (never
the address), that subscriber's "last sent" time stays where it was so the next run sends
them everything again, and the run goes on with the next subscriber. The summary line
says how many failed. The command exits with an error (status 1) only when every digest
it tried to send failed: then the mail server, not an address, is the problem."""

import datetime
import logging
import smtplib

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alerts import conf, emails
from alerts.digest import new_pages
from alerts.models import Subscription

logger = logging.getLogger(__name__)


def describe(error):
    """The kind of failure, without its message: an SMTP refusal's message names the
    address."""
    kind = type(error).__name__
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(reply[0]) for reply in error.recipients.values() if reply})
        code = ",".join(codes) or None
    return f"{kind} (SMTP {code})" if code else kind


class Command(BaseCommand):
    help = "Send email alert digests and delete old unconfirmed subscriptions."

    def handle(self, *args, **options):
        now = timezone.now()
        cutoff = now - datetime.timedelta(days=conf.get("ALERTS_CONFIRM_DAYS"))
        deleted, _ = Subscription.objects.filter(
            confirmed_at__isnull=True, created_at__lt=cutoff
        ).delete()
        sent = failed = 0
        subscriptions = Subscription.objects.filter(confirmed_at__isnull=False).order_by("pk")
        for subscription in subscriptions.iterator():
            since = subscription.last_sent_at or subscription.confirmed_at
            try:
                stories, resources = new_pages(subscription, since, now)
                if stories or resources:
                    emails.send_digest(subscription, stories, resources)
                    sent += 1
            except Exception as error:  # one subscriber's problem must not stop the run
                failed += 1
                logger.warning(
                    "Alert digest to subscription %s not sent: %s; it is retried next run",
                    subscription.pk,
                    describe(error),
                )
                continue
            # Marked even with nothing to send: the next run looks only after `now`.
            subscription.last_sent_at = now
            subscription.save(update_fields=["last_sent_at"])
        summary = (
            f"{sent} digests sent, {failed} failed, {deleted} unconfirmed subscriptions deleted"
        )
        if failed and not sent:
            raise CommandError(f"{summary}: every digest failed (is the mail server down?)")
        self.stdout.write(summary)
