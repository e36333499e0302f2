"""Turn a submission into a draft StoryPage under its country (English tree). The draft
then goes through the Country review workflow like any other story."""

import os
import secrets

from django.core.files import File
from django.db import transaction
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model

from countries.models import StoryPage
from countries.teams import provision_team
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
    """The photo as a Wagtail image in the country team's collection (never Root, where
    every editor could choose it), under a random file name: Wagtail serves image files
    and renditions from MEDIA_URL by path, so the path must not be guessable before a
    published story links it. Title and name carry nothing of the sharer."""
    collection = provision_team(submission.country).collection
    Image = get_image_model()
    image = Image(
        title=_("Shared experience %(number)s") % {"number": submission.pk},
        collection=collection,
        uploaded_by_user=user,
    )
    extension = os.path.splitext(submission.image.name)[1].lower()
    with submission.image.open("rb") as source:
        image.file.save(f"shared-{secrets.token_hex(16)}{extension}", File(source), save=False)
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
    image = None
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
            # No slug: Wagtail makes it from the title, unique under the country. As the
            # slug then matches the title, the editor's slug follows the title they write
            # (Wagtail's title-to-slug sync, until the story is first published).
            # No summary: the first lines of the body would say the same thing twice; the
            # team writes one, and cannot submit the story without it.
            body=body,
            live=False,
            owner=user,
        )
        submission.country.add_child(instance=story)
        # The draft is incomplete on purpose (objectives, alt text): the editor finishes it.
        story.save_revision(user=user, clean=False, log_action=True)
        old = submission.status
        submission.story_page = story
        submission.story_image = image
        submission.set_status(Status.CONVERTED)
        submission.save()
        record(submission, "share.status", user=user, old=old, new=submission.status)
        record(submission, "share.converted", user=user, page=story.pk)
    return story
