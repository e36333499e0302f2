"""The app's settings, each with its default; override any of them in settings."""

from django.conf import settings

DEFAULTS = {
    # Name and email are deleted this many days after a submission is closed.
    "SHARE_CONTACT_RETENTION_DAYS": 90,
    # Accepted posts per IP address and window (seconds), counted in Django's cache.
    "SHARE_RATE_LIMIT": 10,
    "SHARE_RATE_WINDOW": 3600,
    # A person needs longer than this to fill the form; bots usually do not.
    "SHARE_MIN_FILL_SECONDS": 4,
    "SHARE_FORM_MAX_AGE": 24 * 3600,
    "SHARE_MAX_TEXT_CHARS": 6000,
    "SHARE_MAX_IMAGE_BYTES": 8 * 1024 * 1024,
    "SHARE_MAX_IMAGE_PIXELS": 40_000_000,
    # Stored images are scaled down to fit this many pixels on their longest side.
    "SHARE_STORED_IMAGE_SIDE": 2400,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])


def private_root():
    """Where sharers' images are kept: never under MEDIA_ROOT, which the web server may
    serve. SHARE_PRIVATE_ROOT, or MEDIA_ROOT's sibling "<media>-private"."""
    return getattr(settings, "SHARE_PRIVATE_ROOT", "") or f"{settings.MEDIA_ROOT}-private"
