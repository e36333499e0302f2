"""What a moderator compares first (issue #18): the version sent for review against the
live page; for a page that is not live yet, a plain statement that all of it is new.

Every way to a page waiting for review leads to its editor: the title in Wagtail's
"Awaiting your review" panel, the portal's review queue, the review email. Wagtail's
editor keeps its comparisons in the status panel's "View details" dialog, and its
"Compare with previous version" compares with the draft before, which nobody may have
reviewed. The editor says what to compare as soon as it opens (`review_notice`, the
`before_edit_page` hook in countries/wagtail_hooks.py); the review email links the same
comparison (countries/templates/wagtailadmin/notifications/task_state_submitted.txt)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages


def review_notice(request, page):
    """Tells a moderator opening a page that waits for them what to compare it with."""
    if request.method != "GET":
        return
    task_state = page.current_workflow_task_state
    if task_state is None or not task_state.task.specific.get_actions(page, request.user):
        return
    if page.live:
        messages.info(
            request,
            _("This version is waiting for your review."),
            buttons=[
                messages.button(
                    reverse(
                        "wagtailadmin_pages:revisions_compare",
                        args=[page.pk, "live", task_state.revision_id],
                    ),
                    _("Compare it with the live page"),
                )
            ],
        )
    else:
        messages.info(
            request,
            _(
                "This page is waiting for your review. It is not live yet, so there is no "
                "live page to compare it with: all of it will be new to visitors."
            ),
            buttons=[
                messages.button(
                    reverse(
                        "wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id]
                    ),
                    _("Preview all of it"),
                )
            ],
        )
