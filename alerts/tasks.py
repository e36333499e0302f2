"""The alert emails as background tasks (docs/operations.md). Each takes a
subscription's id, never its address, so the task queue and the logs hold no address."""

import datetime
import logging

from django_tasks import task

from alerts import emails
from alerts.digest import new_events, new_pages
from alerts.models import Subscription
from core.mail_failures import MailNotSent, describe

logger = logging.getLogger(__name__)


class DigestNotSent(MailNotSent):
    pass


@task()
def send_digest(subscription_id, until):
    """What was published up to `until` (ISO 8601) since the subscriber's last digest.
    "sent", "nothing" (nothing new), or "done" when this digest already went out: run
    again, the task sends nothing twice (but a worker killed between the mail server's
    answer and the database write would)."""
    subscription = Subscription.objects.filter(
        pk=subscription_id, confirmed_at__isnull=False
    ).first()
    until = datetime.datetime.fromisoformat(until)
    since = subscription and (subscription.last_sent_at or subscription.confirmed_at)
    if subscription is None or since >= until:
        return "done"
    try:
        stories, resources = new_pages(subscription, since, until)
        events = new_events(subscription, since, until)
        if stories or resources or events:
            emails.send_digest(subscription, stories, resources, events)
    except Exception as error:
        logger.warning(
            "Alert digest to subscription %s not sent: %s; it is tried again",
            subscription_id,
            describe(error),
        )
        raise DigestNotSent(f"subscription {subscription_id}: {describe(error)}") from None
    # Marked even with nothing to send: the next digest looks only after `until`.
    subscription.last_sent_at = until
    subscription.save(update_fields=["last_sent_at"])
    return "sent" if stories or resources or events else "nothing"


@task()
def send_confirmation(subscription_id):
    subscription = Subscription.objects.filter(
        pk=subscription_id, confirmed_at__isnull=True
    ).first()
    if subscription is not None:  # confirmed or deleted since: nothing to confirm
        emails.send_confirmation(subscription)
