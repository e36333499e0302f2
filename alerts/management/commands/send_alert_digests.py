"""Email each confirmed subscriber what was published since their last digest, and delete
subscriptions left unconfirmed for ALERTS_CONFIRM_DAYS. Idempotent: run it from cron.

Each subscriber's digest is a task of its own (alerts/tasks.py): with the database task
backend the worker sends them, retrying a failure a few times (docs/operations.md); with
the immediate backend they are sent now. Either way one subscriber's failure is logged
with the subscription's id (never the address), that subscriber's "last sent" time stays
where it was so the next run sends them everything again, and the others go on. The
summary line says how many failed. The command exits with an error (status 1) only when
every digest it tried to send failed: then the mail server, not an address, is the
problem."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alerts import conf, tasks
from alerts.models import Subscription
from core.task_runs import enqueue_each


class Command(BaseCommand):
    help = "Send email alert digests and delete old unconfirmed subscriptions."

    def handle(self, *args, **options):
        now = timezone.now()
        cutoff = now - datetime.timedelta(days=conf.get("ALERTS_CONFIRM_DAYS"))
        deleted, _ = Subscription.objects.filter(
            confirmed_at__isnull=True, created_at__lt=cutoff
        ).delete()
        subscriptions = Subscription.objects.filter(confirmed_at__isnull=False).order_by("pk")
        ids = subscriptions.values_list("pk", flat=True).iterator()
        outcomes = enqueue_each(tasks.send_digest, ids, now.isoformat())
        sent, failed, queued = outcomes["sent"], outcomes["failed"], outcomes["queued"]
        summary = (
            f"{sent} digests sent, {failed} failed, {queued} queued for the worker, "
            f"{deleted} unconfirmed subscriptions deleted"
        )
        if failed and not sent:
            raise CommandError(f"{summary}: every digest failed (is the mail server down?)")
        self.stdout.write(summary)
