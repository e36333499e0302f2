"""Delete the name and email of submissions closed more than SHARE_CONTACT_RETENTION_DAYS
days ago. Idempotent: run it daily from cron."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from share import conf
from share.history import record
from share.models import Submission


class Command(BaseCommand):
    help = "Delete contact details of shared experiences closed long enough ago."

    def handle(self, *args, **options):
        days = conf.get("SHARE_CONTACT_RETENTION_DAYS")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        due = Submission.objects.filter(closed_at__lt=cutoff).exclude(Q(name="") & Q(email=""))
        count = 0
        with transaction.atomic():
            for submission in due.select_for_update():
                submission.name = ""
                submission.email = ""
                submission.save(update_fields=["name", "email"])
                record(submission, "share.contacts_purged")
                count += 1
        self.stdout.write(f"Deleted the contact details of {count} submission(s) ({days} days).")
