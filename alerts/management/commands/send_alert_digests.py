"""Email each confirmed subscriber what was published since their last digest, and delete
subscriptions left unconfirmed for ALERTS_CONFIRM_DAYS. Idempotent: run it from cron."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts import conf, emails
from alerts.digest import new_pages
from alerts.models import Subscription


class Command(BaseCommand):
    help = "Send email alert digests and delete old unconfirmed subscriptions."

    def handle(self, *args, **options):
        now = timezone.now()
        cutoff = now - datetime.timedelta(days=conf.get("ALERTS_CONFIRM_DAYS"))
        deleted, _ = Subscription.objects.filter(
            confirmed_at__isnull=True, created_at__lt=cutoff
        ).delete()
        sent = 0
        for subscription in Subscription.objects.filter(confirmed_at__isnull=False).iterator():
            since = subscription.last_sent_at or subscription.confirmed_at
            stories, resources = new_pages(subscription, since, now)
            if stories or resources:
                emails.send_digest(subscription, stories, resources)
                sent += 1
            # Marked even with nothing to send: the next run looks only after `now`.
            subscription.last_sent_at = now
            subscription.save(update_fields=["last_sent_at"])
        self.stdout.write(f"{sent} digests sent, {deleted} unconfirmed subscriptions deleted")
