"""An event: a launch, webinar, training or meeting, on a country page (country teams)
or under the events index (portal-wide, moderators)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events import context as page_context
from events import timezones
from events.blocks import AgendaBlock
from events.choices import SIGN_LANGUAGE_CODES, Format, Status
from events.validation import event_errors
from search.boosts import SUMMARY_BOOST

# What a calendar shows: a change to any of these raises the iCalendar SEQUENCE, so
# subscribed calendars replace their copy (RFC 5545, 3.8.7.4).
CALENDAR_FIELDS = (
    "title",
    "summary",
    "start_utc",
    "end_utc",
    "status",
    "format",
    "venue_name",
    "venue_address",
)


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Not yet over: an event under way is still upcoming."""
        return self.filter(end_utc__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(end_utc__lt=now or timezone.now())

    def in_countries(self, keys):
        return self.filter(country__translation_key__in=keys)

    def with_topics(self, keys):
        tagged = EventPage.topics.through.objects.filter(topic__translation_key__in=keys)
        return self.filter(pk__in=tagged.values("eventpage_id"))


class EventManager(PageManager.from_queryset(EventQuerySet)):
    pass


class EventPage(Page):
    summary = models.TextField(
        max_length=400, help_text=_("One or two plain sentences: what it is and who it is for.")
    )
    description = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ul"])
    # The wall-clock time in the event's time zone, as the organisers announce it; the
    # UTC times below are derived on save (events/timezones.py).
    start_date = models.DateField()
    start_time = models.TimeField()
    end_date = models.DateField(null=True, blank=True, help_text=_("Leave empty: same day."))
    end_time = models.TimeField()
    time_zone = models.CharField(
        max_length=timezones.MAX_TIME_ZONE_LENGTH,
        default="Europe/Zurich",
        validators=[timezones.validate_time_zone],
        help_text=_(
            "Where the times above are counted, as an IANA name: Europe/Zurich for "
            "Geneva, Africa/Nairobi, America/Santiago."
        ),
    )
    start_utc = models.DateTimeField(editable=False, null=True, db_index=True)
    end_utc = models.DateTimeField(editable=False, null=True, db_index=True)
    start_month = models.CharField(max_length=7, editable=False, default="", db_index=True)

    format = models.CharField(max_length=12, choices=Format.choices, default=Format.ONLINE)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.SCHEDULED)
    venue_name = models.CharField(max_length=200, blank=True)
    venue_address = models.TextField(blank=True)
    country = models.ForeignKey(
        "countries.CountryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"locale__language_code": "en"},
        help_text=_("Where it is held, or whom it is for. Events on a country page: that one."),
    )
    online_url = models.URLField(_("joining link"), blank=True)
    online_details = models.TextField(
        _("joining instructions"),
        blank=True,
        help_text=_("Shown on the page from a day before the event until it ends; never in feeds."),
    )
    organisers = models.TextField(help_text=_("One organisation per line."))
    registration_url = models.URLField(_("registration web address"), blank=True)
    registration_deadline = models.DateField(null=True, blank=True)
    registration_full = models.BooleanField(_("registration is full"), default=False)
    has_easy_read = models.BooleanField(_("easy-read material"), default=False)
    step_free_venue = models.BooleanField(_("step-free venue"), default=False)
    # Derived from the interpretation and caption rows on save.
    has_sign_language = models.BooleanField(default=False, editable=False)
    has_live_captions = models.BooleanField(default=False, editable=False)
    accessibility_contact = models.TextField(
        blank=True, help_text=_("Whom to ask for support to take part, and how.")
    )
    agenda = StreamField(AgendaBlock(), blank=True)
    topics = ParentalManyToManyField("core.Topic", blank=True, related_name="events")
    recording = models.ForeignKey(
        "resources.ResourcePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("After the event: the video in the library, with captions and transcript."),
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = EventManager()

    parent_page_types = ["countries.CountryPage", "events.EventIndexPage"]
    subpage_types = []

    # Facts are the same in every language; the words are translated.
    override_translatable_fields = [
        SynchronizedField(name)
        for name in (
            "time_zone",
            "format",
            "status",
            "online_url",
            "registration_url",
            "country",
            "recording",
        )
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("description"),
        index.SearchField("organisers"),
        index.FilterField("start_utc"),
        index.FilterField("end_utc"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When (in the event's time zone)"),
        ),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("country"),
                FieldPanel("online_url"),
                FieldPanel("online_details"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("organisers"),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
                FieldPanel("registration_full"),
            ],
            heading=_("Registration (leave the address empty: no registration needed)"),
        ),
        InlinePanel("spoken_languages", label=_("Language spoken")),
        InlinePanel("interpretation_languages", label=_("Interpretation into")),
        InlinePanel("caption_languages", label=_("Live captions in")),
        MultiFieldPanel(
            [
                FieldPanel("has_easy_read"),
                FieldPanel("step_free_venue"),
                FieldPanel("accessibility_contact"),
            ],
            heading=_("Accessibility"),
        ),
        InlinePanel("speakers", label=_("Speakers")),
        FieldPanel("agenda"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_resources", label=_("Related resources")),
        FieldPanel("recording"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("format"),
        APIField("status"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("registration_url"),
        APIField("language_codes"),
        APIField("interpretation_codes"),
        APIField("caption_codes"),
        APIField("has_sign_language"),
        APIField("has_live_captions"),
        APIField("has_easy_read"),
        APIField("step_free_venue"),
    ]

    class Meta:
        verbose_name = _("event")

    def __str__(self):
        return self.title

    # Times -----------------------------------------------------------------------

    def start(self):
        """The start, aware, in the event's time zone."""
        return self.start_utc.astimezone(self.zone()) if self.start_utc else None

    def end(self):
        return self.end_utc.astimezone(self.zone()) if self.end_utc else None

    def zone(self):
        return timezones.zoneinfo.ZoneInfo(self.time_zone)

    def compute_times(self):
        start = timezones.aware(self.start_date, self.start_time, self.time_zone)
        end = timezones.aware(self.end_date or self.start_date, self.end_time, self.time_zone)
        self.start_utc = start.astimezone(datetime.UTC)
        self.end_utc = end.astimezone(datetime.UTC)
        self.start_month = self.start_date.strftime("%Y-%m")

    def is_past(self, now=None):
        return bool(self.end_utc) and self.end_utc < (now or timezone.now())

    def joining_shown(self, now=None):
        """Joining information is shown from a day before the start until the end."""
        now = now or timezone.now()
        if self.status == Status.CANCELLED or not self.start_utc:
            return False
        return self.start_utc - page_context.JOINING_SHOWN_BEFORE <= now <= self.end_utc

    # Language rows, read from prefetched rows on listings --------------------------

    def language_codes(self):
        return [row.language for row in self.spoken_languages.all()]

    def interpretation_codes(self):
        return [row.language for row in self.interpretation_languages.all()]

    def caption_codes(self):
        return [row.language for row in self.caption_languages.all()]

    def organiser_names(self):
        return [line.strip() for line in self.organisers.splitlines() if line.strip()]

    # Saving ------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = event_errors(self)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            try:
                self.compute_times()
            except (ValidationError, ValueError, KeyError, TypeError, AttributeError):
                pass  # an unknown zone or a skipped time: full_clean() says which
            self.has_sign_language = bool(set(self.interpretation_codes()) & SIGN_LANGUAGE_CODES)
            self.has_live_captions = bool(self.caption_codes())
            if self.country_id is None and self.path:
                self.country_id = page_context.country_of_parent(self)
            self.sequence = self.next_sequence()
        with transaction.atomic():
            return super().save(*args, **kwargs)

    def next_sequence(self):
        """The saved sequence, raised when a calendar-visible field changed. Read from
        the database: a revision being published carries the number of its draft."""
        if not self.pk:
            return 0
        saved = type(self).objects.filter(pk=self.pk).values("sequence", *CALENDAR_FIELDS).first()
        if saved is None:
            return 0
        changed = any(saved[field] != getattr(self, field) for field in CALENDAR_FIELDS)
        return saved["sequence"] + 1 if changed else saved["sequence"]

    # Output ------------------------------------------------------------------------

    def structured_data(self, request):
        return page_context.structured_data(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.event_context(self, request))
        return context
