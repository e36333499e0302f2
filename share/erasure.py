"""A confirmed withdrawal: nothing of the sharer's words or photo stays on the portal.

- The Wagtail image made from the photo is deleted, with its renditions; Wagtail removes
  their files from storage once the transaction commits, and their search and reference
  index rows.
- A story that was never published, in any language, is deleted with its translations
  (those first, so core/deletion.py allows the English page: the sharer withdrew consent)
  and so with its revisions, workflow states and comments.
- A story that was published is unpublished in every language and emptied: its title,
  summary, SEO fields and body are replaced, in the page and in every revision, with a
  neutral text; comments, pending workflows and scheduled publications are dropped. The
  page stays, so the audit log and the links to it keep meaning something.
- wagtail-localize's copies of the text (translation sources, extracted strings and
  their translations) are deleted in both cases.
- The submission and its private photo are deleted, as before; its history (labelled
  with its number only) says which of the two happened to the story.
"""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Comment
from wagtail_localize.models import (
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    Template,
    TemplateSegment,
    TranslatableObject,
    TranslationContext,
    TranslationSource,
)

from share.history import record

# The fields of a story that hold the sharer's words (or an editor's rendering of them).
REDACTED_FIELDS = ["title", "draft_title", "seo_title", "search_description", "summary", "body"]


def withdraw(submission, user):
    """The moderator's confirmation of a withdrawal request."""
    with transaction.atomic():
        story = submission.story_page
        if story is not None:
            pages = list(story.get_translations(inclusive=True).specific())
            key = story.translation_key
            if any(page.first_published_at for page in pages):
                with translation.override("en"):
                    _empty_published(pages, submission, user)
                record(submission, "share.story_emptied", user=user, page=story.pk)
            else:
                _delete_draft(pages, story, user)
                record(submission, "share.story_deleted", user=user, page=story.pk)
            _forget_translation_sources(key)
        if submission.story_image is not None:
            # Renditions go with it (cascade); Wagtail deletes the files on commit.
            submission.story_image.delete()
            record(submission, "share.photo_deleted", user=user)
        record(submission, "share.withdrawn", user=user)
        if submission.image:
            submission.image.delete(save=False)
        submission.delete()


def _delete_draft(pages, story, user):
    # Translations first: core/deletion.py keeps an English page that has translations.
    for page in [page for page in pages if page.pk != story.pk] + [story]:
        # Withdrawal is a moderator's duty, whatever their page permissions.
        DeletePageAction(page, user=user).execute(skip_permission_checks=True)


def _empty_published(pages, submission, user):
    title = _("Withdrawn shared experience %(number)s") % {"number": submission.pk}
    summary = _("This story was withdrawn at the request of the person who shared it.")
    for page in pages:
        if page.live:
            # A moderator may not hold page permissions in every language's tree.
            UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=user)
        page = type(page).objects.get(pk=page.pk)  # unpublishing saved the row
        page.title = page.draft_title = title
        page.seo_title = page.search_description = ""
        page.summary = summary
        page.body = []
        page.go_live_at = None
        # Saving re-indexes the page for search and its references (no image any more).
        page.save(clean=False)
        Comment.objects.filter(page=page).delete()
        data = page.serializable_data()
        for revision in page.revisions.all():
            content = dict(revision.content)
            content.update({name: data[name] for name in REDACTED_FIELDS})
            content["comments"] = []
            revision.content = content
            revision.object_str = title
            revision.approved_go_live_at = None
            revision.save(update_fields=["content", "object_str", "approved_go_live_at"])


def _forget_translation_sources(translation_key):
    """wagtail-localize keeps the source text of a translated page, the strings and
    templates extracted from it and their translations; strings and templates that
    another page's source shares stay."""
    sources = TranslationSource.objects.filter(object_id=translation_key)
    strings = list(
        StringSegment.objects.filter(source__in=sources).values_list("string", flat=True)
    )
    templates = list(
        TemplateSegment.objects.filter(source__in=sources).values_list("template", flat=True)
    )
    StringTranslation.objects.filter(context__object_id=translation_key).delete()
    SegmentOverride.objects.filter(context__object_id=translation_key).delete()
    sources.delete()
    TranslationContext.objects.filter(object_id=translation_key).delete()
    TranslatableObject.objects.filter(translation_key=translation_key).delete()
    String.objects.filter(pk__in=strings, segments__isnull=True).delete()
    Template.objects.filter(pk__in=templates, segments__isnull=True).delete()
