"""The dashboard's panels (editorial/wagtail_hooks.py): one Wagtail panel per section of
editorial/attention.py, ahead of Wagtail's own, and Wagtail's "Awaiting your review"
kept to the pages waiting longest."""

from collections import Counter

from django.conf import settings
from django.utils import timezone
from django.utils.timesince import timesince
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, Revision, TaskState

from editorial import attention


def _rows(section, now):
    """The items as the table shows them: a link name that tells each link apart (a
    page title is the same in two languages) and the age as words ("12 days")."""
    labels = Counter(item.label for item in section.items)
    return [
        {
            "item": item,
            "link_text": (
                f"{item.label} ({item.detail})"
                if labels[item.label] > 1 and item.detail
                else item.label
            ),
            "age": timesince(item.since, now, depth=1) if item.since else "",
        }
        for item in section.items
    ]


class AttentionPanels(Component):
    name = "editorial_attention"
    template_name = "editorial/dashboard/attention.html"
    # Before Wagtail's panels (workflows 210 and 220, recent edits 250).
    order = 100

    def get_context_data(self, parent_context):
        now = timezone.now()
        return {
            "sections": [
                {
                    "section": section,
                    "rows": _rows(section, now),
                    "panel_id": f"attention-{section.key.replace('_', '-')}",
                    "has_detail": any(item.detail for item in section.items),
                    "has_age": any(item.since for item in section.items),
                }
                for section in attention.sections_for(parent_context["request"].user)
            ],
        }


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", with its approve and reject buttons, for the
    LIMIT tasks waiting longest. Wagtail's own lists every task, with queries for each
    (their actions, their workflow's tasks), so the dashboard grew with the queue; the
    "Review queue" section links to all of them. The body is Wagtail 7.4's, for pages
    and snippets alike, with the order and the limit changed."""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"states": [], "request": request, "csrf_token": parent_context["csrf_token"]}
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        states = (
            TaskState.objects.reviewable_by(request.user)
            .select_related(
                "revision", "revision__user", "workflow_state", "workflow_state__workflow"
            )
            .prefetch_related(
                "revision__content_object", "revision__content_object__latest_revision"
            )
            .order_by("started_at", "pk")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )[: attention.LIMIT]
        for state in states:
            obj = state.revision.content_object
            if not obj:  # a snippet deleted while in a workflow
                continue
            url_names = {
                "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview",
                "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
            }
            if not isinstance(obj, Page):
                viewset = obj.snippet_viewset
                url_names = {
                    "workflow_action_url_name": viewset.get_url_name("workflow_action"),
                    "workflow_preview_url_name": viewset.get_url_name("workflow_preview"),
                    "revisions_compare_url_name": viewset.get_url_name("revisions_compare"),
                }
            if not getattr(obj, "is_previewable", False):
                url_names["workflow_preview_url_name"] = None
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": state.task.specific.get_actions(obj, request.user),
                    "workflow_tasks": state.workflow_state.all_tasks_with_status(),
                    **url_names,
                }
            )
        return context
