# Django discovers an app's models here; each concept has its own module.
from events.models.event_index_page import EventIndexPage
from events.models.event_page import EventPage
from events.models.parts import (
    CaptionLanguage,
    EventRelatedResource,
    Interpretation,
    Speaker,
    SpokenLanguage,
)

__all__ = [
    "CaptionLanguage",
    "EventIndexPage",
    "EventPage",
    "EventRelatedResource",
    "Interpretation",
    "Speaker",
    "SpokenLanguage",
]
