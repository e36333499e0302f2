"""Whether a country's page may take imported values now: not while it is locked by
someone else or waiting for review; for a moderator, who publishes, not while it has a
draft or is unpublished, so that neither the import nor someone's draft is lost."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState


def workflow_states(pages):
    """{page pk: its active WorkflowState}, in one query."""
    states = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in pages],
    )
    return {int(state.object_id): state for state in states}


def page_problem(page, access, state):
    """Why nothing may be imported for `page` now, or None."""
    name = {"country": page.title}
    if page.locked and page.locked_by_id != access.user_id:
        person = page.locked_by and (
            page.locked_by.get_full_name() or page.locked_by.get_username()
        )
        return _(
            "%(country)s's page is locked by %(person)s. Import again once it is unlocked."
        ) % {**name, "person": person or _("someone else")}
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    if not access.moderator:
        if in_review:
            return (
                _(
                    "%(country)s's page is waiting for review by a moderator and cannot be changed "
                    "until they approve it or ask for changes. Import again after that."
                )
                % name
            )
        return None
    if in_review:
        return (
            _(
                "%(country)s's page has changes waiting for review. Approve them or ask for "
                "changes first, then import again, so that neither the import nor those changes "
                "are lost."
            )
            % name
        )
    if page.has_unpublished_changes:
        return (
            _(
                "%(country)s's page has a draft that is not published. Publish it, or ask the "
                "country team to submit it for review, then import again, so that neither the "
                "import nor the draft is lost."
            )
            % name
        )
    if not page.live:
        return (
            _("%(country)s's page is not published yet. Publish it, then import its values.") % name
        )
    return None
