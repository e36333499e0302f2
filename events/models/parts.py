"""The rows an event holds several of: languages, speakers, related resources."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable

from events.choices import INTERPRETATION_CHOICES, SPOKEN_LANGUAGE_CHOICES

PAGE = "events.EventPage"


class SpokenLanguage(Orderable):
    """A language the event is held in."""

    page = ParentalKey(PAGE, related_name="spoken_languages", on_delete=models.CASCADE)
    language = models.CharField(max_length=10, choices=SPOKEN_LANGUAGE_CHOICES)

    panels = [FieldPanel("language")]


class Interpretation(Orderable):
    """A language (spoken or signed) the event is interpreted into."""

    page = ParentalKey(PAGE, related_name="interpretation_languages", on_delete=models.CASCADE)
    language = models.CharField(max_length=10, choices=INTERPRETATION_CHOICES)

    panels = [FieldPanel("language")]


class CaptionLanguage(Orderable):
    """A language of the live captions."""

    page = ParentalKey(PAGE, related_name="caption_languages", on_delete=models.CASCADE)
    language = models.CharField(max_length=10, choices=SPOKEN_LANGUAGE_CHOICES)

    panels = [FieldPanel("language")]


class Speaker(Orderable):
    page = ParentalKey(PAGE, related_name="speakers", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=300, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    lived_experience = models.BooleanField(
        _("speaks from lived experience"),
        default=False,
        help_text=_("Shown on the page only when the speaker's consent is recorded below."),
    )
    lived_experience_consent = models.BooleanField(
        _("the speaker agreed to be described this way"), default=False
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("photo_alt"),
        FieldPanel("lived_experience"),
        FieldPanel("lived_experience_consent"),
    ]

    def clean(self):
        super().clean()
        errors = {}
        if self.photo_id and not self.photo_alt.strip():
            errors["photo_alt"] = _("Describe the photo for people who cannot see it.")
        if self.lived_experience and not self.lived_experience_consent:
            errors["lived_experience_consent"] = _(
                "Record the speaker's consent before describing them as speaking from "
                "lived experience."
            )
        if errors:
            raise ValidationError(errors)


class EventRelatedResource(Orderable):
    """A library resource for the event (shown in the visitor's language)."""

    page = ParentalKey(PAGE, related_name="related_resources", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]
