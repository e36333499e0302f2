"""The "Country review" workflow: country editors submit, the portal-wide Moderators group
approves (which publishes) or rejects with a comment."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

WORKFLOW_NAME = "Country review"
TASK_NAME = "Moderators approve country pages"
MODERATORS = "Moderators"


# The shared vocabularies moderators keep and translate (docs/editors.md): named by app
# label and model, so this module imports none of the apps that define them.
TAXONOMY = [
    ("core", "topic"),
    ("resources", "resourcetype"),
    ("resources", "audience"),
    ("countries", "indicatortype"),
    ("countries", "target"),
]


def moderators_group():
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    taxonomy = Q()
    for app_label, model in TAXONOMY:
        taxonomy |= Q(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in ("add", "change", "delete")],
        )
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label="wagtailadmin", codename="access_admin")
            # wagtail-localize's "Translate" on pages and snippets.
            | Q(content_type__app_label="wagtail_localize", codename="submit_translation")
            | taxonomy
        )
    )
    return group


def country_review_workflow():
    moderators = moderators_group()
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def assign_country_review(index_page):
    """Put the countries tree of one locale under "Country review", and let moderators
    add, edit and publish in it."""
    workflow = country_review_workflow()
    WorkflowPage.objects.update_or_create(page_id=index_page.pk, defaults={"workflow": workflow})
    moderators = moderators_group()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=moderators,
            page_id=index_page.pk,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
