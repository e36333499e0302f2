"""Signed links: confirm (expires with the unconfirmed subscription) and unsubscribe
(never expires, so every email's link keeps working)."""

from django.core import signing

from alerts import conf

CONFIRM, UNSUBSCRIBE = "alerts.confirm", "alerts.unsubscribe"


def make(subscription, salt):
    return signing.dumps(subscription.pk, salt=salt)


def read(token, salt):
    """The subscription's id, or None for a bad or expired token."""
    max_age = conf.get("ALERTS_CONFIRM_DAYS") * 86400 if salt == CONFIRM else None
    try:
        return int(signing.loads(token, salt=salt, max_age=max_age))
    except (signing.BadSignature, TypeError, ValueError):
        return None
