"""Turn a submission into a draft StoryPage under its country (English tree). The draft
then goes through the Country review workflow like any other story."""

import os

from django.core.files import File
from django.db import transaction
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model
from wagtail.models import Collection

from countries.models import CountryTeam, StoryPage
from share.choices import Role, Status
from share.history import record

# How the sharer is described on the story, in a sentence.
ROLE_PHRASES = {
    Role.LIVED_EXPERIENCE: gettext_lazy("a person with lived experience"),
    Role.FAMILY: gettext_lazy("a family member or supporter"),
    Role.PROVIDER: gettext_lazy("a person who provides services"),
    Role.ORGANISATION: gettext_lazy("a person from an organisation"),
    Role.OTHER: gettext_lazy("a member of the public"),
}


class ConversionRefused(Exception):
    pass


def attribution(submission):
    """Only what the sharer agreed to: their name if they chose it, else their role.
    Called in English: the story is created in the English tree."""
    role = str(ROLE_PHRASES[submission.role])
    if submission.publish_with_name and submission.name:
        return _("Shared by %(name)s, %(role)s.") % {"name": submission.name, "role": role}
    return _("Shared by %(role)s, who asked us not to publish their name.") % {"role": role}


def _wagtail_image(submission, user):
    team = (
        CountryTeam.objects.filter(country_key=submission.country.translation_key)
        .select_related("collection")
        .first()
    )
    collection = team.collection if team and team.collection else Collection.get_first_root_node()
    Image = get_image_model()
    image = Image(
        title=_("Shared experience %(number)s") % {"number": submission.pk},
        collection=collection,
        uploaded_by_user=user,
    )
    with submission.image.open("rb") as source:
        image.file.save(os.path.basename(submission.image.name), File(source), save=False)
    image._set_image_file_metadata()
    image.save()
    return image


def convert_to_story(submission, user):
    """Create the draft story and mark the submission converted; returns the page."""
    if not submission.consent_publish:
        raise ConversionRefused(_("The sharer did not agree to publication."))
    if submission.story_page_id or submission.country is None:
        raise ConversionRefused(_("This submission has a story already, or no country."))
    # The English tree gets English wording, whatever the moderator's admin language.
    with translation.override("en"):
        return _create_story(submission, user)


def _create_story(submission, user):
    text = submission.what_happened
    body = [{"type": "text", "value": linebreaks(text, autoescape=True)}]
    with transaction.atomic():
        if submission.image:
            # No alt text: the image block refuses to be saved until the editor writes it
            # or marks the image decorative.
            image = _wagtail_image(submission, user)
            body.append(
                {
                    "type": "image",
                    "value": {
                        "image": image.pk,
                        "alt_text": "",
                        "decorative": False,
                        "caption": "",
                    },
                }
            )
        body.append({"type": "text", "value": f"<p>{attribution(submission)}</p>"})
        story = StoryPage(
            title=_("Shared experience %(number)s: write a title") % {"number": submission.pk},
            slug=f"shared-experience-{submission.pk}",
            summary=Truncator(text).chars(200),
            body=body,
            live=False,
            owner=user,
        )
        submission.country.add_child(instance=story)
        # The draft is incomplete on purpose (objectives, alt text): the editor finishes it.
        story.save_revision(user=user, clean=False, log_action=True)
        old = submission.status
        submission.story_page = story
        submission.set_status(Status.CONVERTED)
        submission.save()
        record(submission, "share.status", user=user, old=old, new=submission.status)
        record(submission, "share.converted", user=user, page=story.pk)
    return story


def withdraw(submission, user):
    """The moderator's confirmation: unpublish the story (every translation) and delete
    the submission and its image file."""
    with transaction.atomic():
        if submission.story_page:
            story = submission.story_page
            for page in story.get_translations(inclusive=True).live().specific():
                page.unpublish(user=user, log_action=True)
        record(submission, "share.withdrawn", user=user)
        if submission.image:
            submission.image.delete(save=False)
        submission.delete()
