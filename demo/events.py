"""Demo events (`manage.py load_demo`): the global launch of the QualityRights
e-training (12 April 2022, a real event, with its published figures) and upcoming
sample events, labelled as samples. Upcoming dates are counted from the day the demo
is loaded, so they stay upcoming.

Idempotent: the index and events are found by slug and updated."""

import datetime

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from core.taxonomy import Topic
from countries.models import CountryPage
from events.models import (
    CaptionLanguage,
    EventIndexPage,
    EventPage,
    Interpretation,
    Speaker,
    SpokenLanguage,
)
from home.models import HomePage
from resources.models import ResourcePage

SAMPLE_NOTE = (
    "This is a sample event for the demo portal, not a real WHO event: its date, "
    "speakers and links are sample data."
)
INDEX_TITLES = {"en": "Events", "fr": "Événements", "ar": "الفعاليات", "es": "Eventos"}
INDEX_INTRO = (
    "Launches, webinars and trainings on mental health and human rights. Find one in your "
    "language, with the access you need, and add it to your calendar."
)

LAUNCH = {
    "slug": "global-launch-qualityrights-e-training",
    "title": "Global launch of the WHO QualityRights e-training",
    "summary": (
        "The online launch of the QualityRights e-training on mental health, recovery and "
        "community inclusion, with interpretation, International Sign and live captions."
    ),
    "description": (
        "<p>WHO launched the QualityRights e-training worldwide. At the launch, nearly "
        "30,000 people had completed it, in 11 languages (WHO, April 2022).</p>"
        "<p>The recording linked on this page is a sample video made for the demo portal "
        "(sample data), not the recording of the launch.</p>"
    ),
    "start": (datetime.date(2022, 4, 12), datetime.time(15, 0)),
    "end_time": datetime.time(16, 30),
    # Geneva keeps Zurich's clock: the IANA database has no Europe/Geneva.
    "time_zone": "Europe/Zurich",
    "format": "online",
    "organisers": "World Health Organization (WHO QualityRights)",
    "registration_url": "https://www.who.int/",
    "spoken": ["en"],
    "interpretation": ["ar", "zh-hans", "fr", "ru", "es", "ils"],
    "captions": ["en"],
    "topics": ["legal-capacity", "recovery", "community-inclusion"],
    "recording": "video-what-qualityrights-means",
}

SAMPLES = [
    {
        "slug": "webinar-supported-decision-making",
        "title": "Webinar: supported decision-making in practice (sample)",
        "summary": (
            "People with lived experience and service staff share how supported "
            "decision-making works day to day. Sample event for the demo."
        ),
        "days": 14,
        "start_time": datetime.time(13, 0),
        "end_time": datetime.time(14, 30),
        "time_zone": "Europe/Zurich",
        "format": "online",
        "organisers": "WHO QualityRights (sample)",
        "registration_url": "https://example.org/sample-registration",
        "spoken": ["en"],
        "interpretation": ["fr", "es", "ar", "ils"],
        "captions": ["en", "fr"],
        "topics": ["legal-capacity", "lived-experience"],
        "easy_read": True,
        "speakers": [("Sample speaker A", "Peer supporter", True)],
    },
    {
        "slug": "country-launch-kenya",
        "country": "kenya",
        "title": "Country launch of the QualityRights e-training in Kenya (sample)",
        "summary": (
            "Mental health services, organisations of persons with disabilities and "
            "families meet to start the e-training in Kenya. Sample event for the demo."
        ),
        "days": 35,
        "start_time": datetime.time(9, 30),
        "end_time": datetime.time(13, 0),
        "time_zone": "Africa/Nairobi",
        "format": "hybrid",
        "venue_name": "Sample community hall",
        "venue_address": "Nairobi, Kenya (sample address)",
        "organisers": "Kenya QualityRights country team (sample)",
        "registration_url": "https://example.org/sample-registration",
        "spoken": ["en"],
        "interpretation": [],
        "captions": ["en"],
        "topics": ["community-inclusion", "peer-support"],
        "step_free": True,
        "speakers": [],
    },
    {
        "slug": "peer-support-meeting-online",
        "title": "Online peer-support meeting in French and Spanish (sample)",
        "summary": (
            "An open meeting of peer supporters, in French and Spanish. No registration "
            "needed. Sample event for the demo."
        ),
        "days": 50,
        "start_time": datetime.time(17, 0),
        "end_time": datetime.time(18, 0),
        "time_zone": "America/Santiago",
        "format": "online",
        "organisers": "Sample peer-support network",
        "online_url": "https://example.org/sample-meeting",
        "spoken": ["fr", "es"],
        "interpretation": [],
        "captions": [],
        "topics": ["peer-support"],
        "speakers": [],
    },
]


def load(stdout):
    english = Locale.get_default()
    home = HomePage.objects.get(locale=english)
    index = events_index(home)
    launch = save_event(index, LAUNCH, english)
    launch.recording = ResourcePage.objects.filter(locale=english, slug=LAUNCH["recording"]).first()
    launch.save_revision().publish()
    today = timezone.localdate()
    for spec in SAMPLES:
        spec = {
            **spec,
            "start": (today + datetime.timedelta(days=spec["days"]), spec["start_time"]),
        }
        spec["description"] = f"<p>{spec['summary']}</p><p>{SAMPLE_NOTE}</p>"
        parent = index
        if spec.get("country"):
            parent = CountryPage.objects.get(locale=english, slug=spec["country"])
        save_event(parent, spec, english)
    stdout.write(f"Events: {EventPage.objects.filter(locale=english).count()}")
    return index


def events_index(home):
    index = EventIndexPage.objects.child_of(home).filter(slug="events").first()
    if index is None:
        index = EventIndexPage(slug="events", title=INDEX_TITLES["en"])
        home.add_child(instance=index)
    index.title, index.intro, index.show_in_menus = INDEX_TITLES["en"], INDEX_INTRO, True
    index.save_revision().publish()
    for code, title in INDEX_TITLES.items():
        if code == "en":
            continue
        locale = Locale.objects.get(language_code=code)
        translated = index.get_translation_or_none(locale)
        if translated is None:
            translated = index.copy_for_translation(locale, copy_parents=True)
        translated = translated.specific
        translated.title = title
        translated.save_revision().publish()
    return index


def save_event(parent, spec, english):
    page = EventPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
    created = page is None
    if created:
        page = EventPage(slug=spec["slug"])
    page.title, page.summary = spec["title"], spec["summary"]
    page.description = RichText(spec["description"]).source
    (page.start_date, page.start_time), page.end_time = spec["start"], spec["end_time"]
    page.time_zone, page.format = spec["time_zone"], spec["format"]
    page.organisers = spec["organisers"]
    page.registration_url = spec.get("registration_url", "")
    page.online_url = spec.get("online_url", "")
    page.venue_name = spec.get("venue_name", "")
    page.venue_address = spec.get("venue_address", "")
    page.has_easy_read = spec.get("easy_read", False)
    page.step_free_venue = spec.get("step_free", False)
    page.spoken_languages = [SpokenLanguage(language=code) for code in spec["spoken"]]
    page.interpretation_languages = [Interpretation(language=c) for c in spec["interpretation"]]
    page.caption_languages = [CaptionLanguage(language=code) for code in spec["captions"]]
    page.speakers = [
        Speaker(name=name, role=role, lived_experience=lived, lived_experience_consent=lived)
        for name, role, lived in spec.get("speakers", [])
    ]
    page.topics = list(Topic.objects.filter(locale=english, slug__in=spec["topics"]))
    if created:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page
