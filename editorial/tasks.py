"""The weekly email as a background task (docs/operations.md). It takes the user's id,
never their address, so the task queue and the logs hold no address."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core.mail_failures import MailNotSent, describe
from editorial import digest, emails
from editorial.models import DigestPreference

logger = logging.getLogger(__name__)


class DigestNotSent(MailNotSent):
    pass


@task()
def send_digest(user_id, when):
    """The weekly email of the week `when` (ISO 8601) falls in. "sent", "nothing"
    (nothing waits: nothing sent, and a later run this week may still send), or "done"
    when this week's email already went out or the user no longer gets it (left their
    team, turned it off, deactivated since it was queued)."""
    user = digest.recipients().filter(pk=user_id).first()
    if user is None:
        return "done"
    week = digest.week_start(datetime.datetime.fromisoformat(when))
    DigestPreference.objects.get_or_create(user=user)
    with transaction.atomic():
        # Locked while sending: two runs at once send one email (PostgreSQL).
        preference = DigestPreference.objects.select_for_update().get(user=user)
        if preference.last_sent_at and preference.last_sent_at >= week:
            return "done"
        try:
            sent = emails.send_digest(user)
        except Exception as error:
            logger.warning(
                "Weekly email to user %s not sent: %s; it is tried again",
                user_id,
                describe(error),
            )
            raise DigestNotSent(f"user {user_id}: {describe(error)}") from None
        if not sent:
            return "nothing"
        preference.last_sent_at = timezone.now()
        preference.save(update_fields=["last_sent_at"])
    return "sent"
