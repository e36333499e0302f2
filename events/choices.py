"""The fixed vocabularies of an event: format, status, sign languages and the
accessibility features. One table each drives the model's choices, the listing's
facets, the schema.org terms and the iCalendar status."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGES, endonym


class Format(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in-person", _("In person")
    HYBRID = "hybrid", _("Hybrid (online and in person)")


class Status(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    MOVED_ONLINE = "moved-online", _("Moved online")
    CANCELLED = "cancelled", _("Cancelled")


ONLINE_FORMATS = {Format.ONLINE, Format.HYBRID}
VENUE_FORMATS = {Format.IN_PERSON, Format.HYBRID}

# schema.org's terms (https://schema.org/EventStatusType, EventAttendanceModeEnumeration).
SCHEMA_STATUS = {
    Status.SCHEDULED: "EventScheduled",
    Status.POSTPONED: "EventPostponed",
    Status.RESCHEDULED: "EventRescheduled",
    Status.MOVED_ONLINE: "EventMovedOnline",
    Status.CANCELLED: "EventCancelled",
}
SCHEMA_ATTENDANCE = {
    Format.ONLINE: "OnlineEventAttendanceMode",
    Format.IN_PERSON: "OfflineEventAttendanceMode",
    Format.HYBRID: "MixedEventAttendanceMode",
}
# RFC 5545 STATUS: a postponed event has no date yet, so it is tentative.
ICAL_STATUS = {Status.POSTPONED: "TENTATIVE", Status.CANCELLED: "CANCELLED"}

# Sign languages by their ISO 639-3 codes (BCP 47 accepts them as they are).
SIGN_LANGUAGES = [
    ("ils", _("International Sign")),
    ("ase", _("American Sign Language")),
    ("bfi", _("British Sign Language")),
    ("fsl", _("French Sign Language")),
    ("ssp", _("Spanish Sign Language")),
    ("rsl", _("Russian Sign Language")),
    ("csl", _("Chinese Sign Language")),
]
SIGN_LANGUAGE_CODES = {code for code, _label in SIGN_LANGUAGES}

# Spoken languages are the portal's, named in their own language (as in the library).
SPOKEN_LANGUAGE_CHOICES = [(code, endonym(code)) for code, _name in LANGUAGES]
INTERPRETATION_CHOICES = SPOKEN_LANGUAGE_CHOICES + SIGN_LANGUAGES


def language_label(code):
    """A language of an event by name: the endonym, or a sign language's name in the
    visitor's language."""
    return dict(INTERPRETATION_CHOICES).get(code, code)


# (slug in URLs, boolean field on EventPage, label). Captions and sign language are
# derived from the language rows on save (EventPage.save), the others ticked by editors.
ACCESS_FEATURES = [
    ("live-captions", "has_live_captions", _("Live captions")),
    ("sign-language", "has_sign_language", _("Sign-language interpretation")),
    ("easy-read", "has_easy_read", _("Easy-read material")),
    ("step-free", "step_free_venue", _("Step-free venue")),
]
