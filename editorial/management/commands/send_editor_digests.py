"""Email each country team member what waits for them, once a week (docs/editors.md).
Idempotent: run it from cron on Mondays; a second run in the same week sends nobody a
second email.

Each member's email is a task of its own (editorial/tasks.py): with the database task
backend the worker sends them, retrying a failure a few times (docs/operations.md); with
the immediate backend they are sent now. One member's failure is logged with the user's
id (never the address) and the others go on; that member has no email this week until
the task, or the command run again, sends it. The command exits with an error (status 1)
only when every email it tried to send failed: then the mail server is the problem."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.task_runs import enqueue_each
from editorial import digest, tasks


class Command(BaseCommand):
    help = "Send country team members the weekly email of what waits for them."

    def handle(self, *args, **options):
        now = timezone.now().isoformat()
        ids = digest.recipients().order_by("pk").values_list("pk", flat=True).iterator()
        outcomes = enqueue_each(tasks.send_digest, ids, now)
        sent, failed, queued = outcomes["sent"], outcomes["failed"], outcomes["queued"]
        nothing = outcomes["nothing"]
        summary = (
            f"{sent} weekly emails sent, {failed} failed, {queued} queued for the worker, "
            f"{nothing} with nothing waiting"
        )
        if failed and not sent:
            raise CommandError(f"{summary}: every email failed (is the mail server down?)")
        self.stdout.write(summary)
