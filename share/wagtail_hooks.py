from django.utils.translation import ngettext
from wagtail import hooks

from share import history  # noqa: F401  (registers the log actions)
from share.models import Submission
from share.moderation import SubmissionViewSet


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return SubmissionViewSet()


@hooks.register("page_deletion_blockers")
def country_has_submissions(page):
    """Shared experiences are filed under an English country page: deleting it would
    leave them without a country team to read them (core/deletion.py)."""
    count = Submission.objects.filter(country_id=page.pk).count()
    if not count:
        return []
    return [
        ngettext(
            "%(n)d shared experience was sent for it.",
            "%(n)d shared experiences were sent for it.",
            count,
        )
        % {"n": count}
    ]
