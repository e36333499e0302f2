"""The app's settings, each with its default; override any of them in settings."""

from django.conf import settings

DEFAULTS = {
    # Subscription posts accepted per IP address and window (seconds).
    "ALERTS_RATE_LIMIT": 5,
    "ALERTS_RATE_WINDOW": 3600,
    # Unconfirmed subscriptions are deleted after this many days; the link expires too.
    "ALERTS_CONFIRM_DAYS": 7,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
