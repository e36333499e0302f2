"""The emails about a submission as background tasks (docs/operations.md). Each takes
the submission's id: the task queue and the logs hold no contact details and no text.
A submission deleted before its task runs (erased, purged) gets no email."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from share import notify
from share.models import Submission
from share.withdrawal import make_token


def _submission(submission_id):
    return Submission.objects.select_related("country").filter(pk=submission_id).first()


@task()
def notify_team(submission_id, event="new"):
    submission = _submission(submission_id)
    if submission is not None:
        notify.notify_team(submission, event=event)


def withdraw_url(submission):
    with translation.override(submission.language):
        path = reverse("share:withdraw", args=[make_token(submission)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def confirm_to_sharer(submission_id):
    submission = _submission(submission_id)
    if submission is not None:
        notify.confirm_to_sharer(submission, withdraw_url(submission))
