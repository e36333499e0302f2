"""Withdrawal links: the submission's number signed with SECRET_KEY, nothing stored."""

from django.core import signing

SALT = "share.withdraw"


def make_token(submission):
    return signing.dumps(submission.pk, salt=SALT)


def submission_id(token):
    """The submission's pk, or None for a forged or mangled token."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
