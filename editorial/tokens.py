"""The signed "stop the weekly email" link: the user's id, valid LINK_DAYS. The user can
also turn the email off in their account settings, which an expired link says."""

from django.core import signing

SALT = "editorial.digest.stop"
LINK_DAYS = 90


def make(user):
    return signing.dumps(user.pk, salt=SALT)


def read(token):
    """The user's id, or None for a bad or expired token."""
    try:
        value = signing.loads(token, salt=SALT, max_age=LINK_DAYS * 86400)
    except (signing.BadSignature, TypeError, ValueError, UnicodeError):
        return None
    return value if type(value) is int else None
