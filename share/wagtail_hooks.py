from wagtail import hooks

from share import history  # noqa: F401  (registers the log actions)
from share.moderation import SubmissionViewSet


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return SubmissionViewSet()
