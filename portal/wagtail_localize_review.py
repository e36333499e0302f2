"""Workaround: wagtail-localize 1.14 has no way for a translator who may not publish to send
a translation through moderation, and trusts its "submit_translation" permission alone.
Here a translation goes through review like any other edit (issue #18, docs/translation.md):

- In the translation editor, whoever may not publish the page gets "Submit for review"
  (the page's workflow is started, or resumed after changes were asked for; "Save draft"
  where no workflow applies) in place of wagtail-localize's footer, whose main button for
  them was "Delete" or "Convert to alias page". The footer is drawn by
  portal/templates/wagtail_localize/admin/edit_translation.html from `review_for`.
- The translation is saved as a revision only. wagtail-localize's own draft save writes
  it into the page's row, which for a live page is what visitors read.
- "Convert to alias page" shows the English page in the translation's place at once, and
  "Sync translated pages" with "Publish immediately" publishes every translation: both
  are for those who may publish the pages concerned.
- "Translate" and "Sync translated pages" need the right to edit what is translated, so a
  country team translates its own country's pages and nothing else.

The views replacing wagtail-localize's are registered ahead of its URLs, at the same
paths. Delete this module, that template, portal/templatetags/translation_review.py and
the import in portal/wagtail_hooks.py once wagtail-localize does this itself.
"""

import json
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import (
    FieldDoesNotExist,
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page, Workflow, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, submit_translations, update_translations

# The name of the footer's button, posted to the page's edit view.
SUBMIT = "portal-submit-translation"
CONVERT_TO_ALIAS = "localize-convert-to-alias"  # wagtail-localize's page action menu item


def may_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance)))


def may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.has_perm(get_permission_name(action, type(instance)))


# The translation editor: submit for review. Beside the footer's button, by Review.action
# (None: in review, or locked):
EXPLANATIONS = {
    "submit": gettext_lazy(
        "When your translation is ready, submit it for review: a moderator reads it and "
        "publishes it."
    ),
    "resubmit": gettext_lazy(
        "A moderator asked for changes. When you have made them, submit the translation "
        "for review again."
    ),
    "save": gettext_lazy(
        "No review workflow covers this page. Save your translation as a draft and ask "
        "someone who may publish it to publish it."
    ),
    None: gettext_lazy(
        "This translation is waiting for review. What you change now can be submitted "
        "once the review is over."
    ),
}


@dataclass
class Review:
    """What the translation editor's footer offers someone who may not publish the page."""

    action: str | None  # "submit", "resubmit", "save"; None while in review or locked
    workflow: Workflow | None
    state: WorkflowState | None
    lock_message: str = ""
    props: str = ""  # wagtail-localize's editor props, without "Convert to alias page"
    preview_url: str | None = None

    field = SUBMIT

    @property
    def label(self):
        return _("Save draft") if self.action == "save" else _("Submit for review")

    @property
    def explanation(self):
        return self.lock_message or EXPLANATIONS[self.action]


def review_for(user, page):
    """None for those who may publish `page`: wagtail-localize's footer serves them."""
    if page.permissions_for_user(user).can_publish():
        return None
    state = page.current_workflow_state  # in progress, or changes asked for
    lock = page.get_lock()
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return Review(None, state.workflow, state)  # a workflow lock, too
    if lock is not None and lock.for_user(user):
        return Review(None, None, state, lock_message=lock.get_message(user))
    if state is not None:
        return Review("resubmit", state.workflow, state)
    workflow = page.get_workflow()
    return Review("save" if workflow is None else "submit", workflow, None)


def _enabled_translation(page):
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def _problems(invalid, model):
    """What a ValidationError says, each message after the label of its field."""
    if not hasattr(invalid, "error_dict"):
        return invalid.messages
    problems = []
    for name, texts in invalid.message_dict.items():
        try:
            label = capfirst(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:  # NON_FIELD_ERRORS, or a name of the model's clean()
            label = None
        problems += [f"{label}: {text}" if label else text for text in texts]
    return problems


def save_draft(translation, user):
    """Save the translation as a new revision of its page; returns what does not validate,
    if anything. It is checked first, as Wagtail checks a page it publishes: left to
    wagtail-localize, an error of the page as a whole (a title too long) or a value too
    long for its column (PostgreSQL) ends in a server error. wagtail-localize writes the
    translation into the page's row too: for a live page the public content is put back,
    so the draft waits for review as Wagtail's own "Save draft" leaves it."""
    candidate = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    try:
        candidate.full_clean()
    except ValidationError as invalid:
        return _problems(invalid, type(candidate))
    page = translation.get_target_instance()
    public = json.loads(page.to_json()) if page.live else None
    translation.save_target(user=user, publish=False)
    if public is not None:
        Page.objects.get(pk=page.pk).specific.with_content_json(public).save(clean=False)
    return []


@hooks.register("before_edit_page", order=-10)  # before wagtail-localize's editor
def submit_translation_for_review(request, page):
    if request.method != "POST" or SUBMIT not in request.POST:
        return None
    translation = _enabled_translation(page)
    review = review_for(request.user, page) if translation else None
    if review is None:
        return None
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if review.action is None:
        messages.error(request, review.explanation)
        return redirect(edit_url)
    with transaction.atomic():
        problems = save_draft(translation, request.user)
        if not problems and review.action == "resubmit":
            review.state.resume(request.user)
        elif not problems and review.action == "submit":
            review.workflow.start(Page.objects.get(pk=page.pk).specific, request.user)
    names = {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()}
    if problems:
        messages.error(
            request,
            _("“%(title)s” in %(language)s could not be saved: %(problems)s")
            % {**names, "problems": " ".join(problems)},
        )
    elif review.action == "save":
        messages.success(
            request,
            _(
                "“%(title)s” in %(language)s is saved as a draft: ask someone who may publish "
                "it to publish it."
            )
            % names,
        )
    else:
        messages.success(
            request,
            _(
                "“%(title)s” in %(language)s is submitted for review. A moderator publishes it "
                "once they approve it."
            )
            % names,
        )
    return redirect(edit_url)


@hooks.register("construct_page_action_menu")
def convert_to_alias_for_publishers(menu_items, request, context):
    """Wagtail's editor, once a translation is stopped, offers "Convert to alias page"."""
    page = context.get("page")
    if page is not None and page.pk and not may_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS]


# wagtail-localize's views, with the permission checks it leaves out.


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not may_publish(request.user, page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    def get_object(self):
        page = super().get_object()
        if not may_edit(self.request.user, page):
            raise PermissionDenied
        return page


class SubmitSnippetTranslationView(submit_translations.SubmitSnippetTranslationView):
    def get_object(self):
        snippet = super().get_object()
        if not may_edit(self.request.user, snippet):
            raise PermissionDenied
        return snippet


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync translated pages, for those who may edit the source; its "Publish immediately"
    only for those who may publish every translation."""

    def get_object(self):
        source = super().get_object()
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist as missing:
            raise Http404 from missing
        if not may_edit(self.request.user, instance):
            raise PermissionDenied
        return source

    @cached_property
    def may_publish_all(self):
        return all(
            may_publish(self.request.user, translation.get_target_instance())
            for translation in self.object.translations.filter(enabled=True)
        )

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_all:
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


@hooks.register("register_admin_urls", order=-100)  # ahead of wagtail-localize's own
def reviewed_views():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitPageTranslationView.as_view(),
            name="reviewed_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
            name="reviewed_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
            name="reviewed_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias,
            name="reviewed_convert_to_alias",
        ),
    ]
