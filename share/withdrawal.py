"""Withdrawal links: the submission's number and creation time, signed with SECRET_KEY.
Nothing is stored; the time stops a link from matching a later submission that reuses
the number (after a database restore, for example)."""

from django.core import signing

from share.models import Submission

SALT = "share.withdraw"


def make_token(submission):
    return signing.dumps([submission.pk, int(submission.created_at.timestamp())], salt=SALT)


def find_submission(token):
    """The submission the link was made for, or None (forged, mangled or deleted)."""
    try:
        pk, created = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    submission = Submission.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if submission is None or int(submission.created_at.timestamp()) != created:
        return None
    return submission
