"""An event's rules and what it derives on save: UTC times, access flags, its country,
and the calendar sequence."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from countries.models import CountryTeam
from countries.workflow import assign_country_review
from events.models import EventPage, Speaker
from tests.support import countries as build
from tests.support.events import events_index, in_days, make_event, publish

pytestmark = pytest.mark.django_db


def errors_of(page):
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return error.value.message_dict


@pytest.fixture
def index(portal_site):
    return events_index(portal_site)


def draft(index, **fields):
    page = EventPage(
        title="Draft",
        slug="draft",
        summary="Summary.",
        organisers="WHO",
        start_date=datetime.date(2026, 6, 1),
        start_time=datetime.time(15),
        end_time=datetime.time(16),
        time_zone="Europe/Zurich",
        format="online",
        registration_url="https://example.org/",
        locale=Locale.get_default(),
        # Under the index, in a slot no page takes: validated, never saved.
        path=index.path + "ZZZZ",
        depth=index.depth + 1,
    )
    for name, value in fields.items():
        setattr(page, name, value)
    return page


def test_a_valid_event_passes(index):
    draft(index).full_clean()


@pytest.mark.parametrize(
    "fields, field, words",
    [
        ({"end_time": datetime.time(14)}, "end_time", "end after it starts"),
        ({"time_zone": "Europe/Geneva"}, "time_zone", "Unknown time zone"),
        ({"time_zone": "Z" * 5000}, "time_zone", "Unknown time zone"),
        ({"registration_deadline": datetime.date(2026, 6, 2)}, "registration_deadline", "after"),
        ({"registration_url": ""}, "online_url", "joining information"),
        (
            {"format": "in-person", "venue_name": "Hall", "status": "moved-online"},
            "online_url",
            "moved online",
        ),
        ({"format": "in-person"}, "venue_name", "venue"),
        (
            {"start_time": datetime.time(2, 30), "start_date": datetime.date(2026, 3, 29)},
            "start_time",
            "does not exist",
        ),
    ],
)
def test_invalid_events_get_a_clear_message(index, fields, field, words):
    errors = errors_of(draft(index, **fields))
    assert words in " ".join(errors[field])


def test_lived_experience_is_shown_only_with_consent_recorded():
    speaker = Speaker(name="A", lived_experience=True)
    with pytest.raises(ValidationError) as error:
        speaker.clean()
    assert "consent" in " ".join(error.value.message_dict["lived_experience_consent"])
    Speaker(name="A", lived_experience=True, lived_experience_consent=True).clean()


def test_saving_stores_utc_times_the_month_and_the_access_flags(index):
    event = make_event(
        index,
        "Launch",
        start=(datetime.date(2022, 4, 12), datetime.time(15)),
        end_time=datetime.time(16, 30),
        interpretation=("fr", "ils"),
        captions=("en",),
    )
    assert event.start_utc == datetime.datetime(2022, 4, 12, 13, tzinfo=datetime.UTC)
    assert event.end_utc == datetime.datetime(2022, 4, 12, 14, 30, tzinfo=datetime.UTC)
    assert event.start_month == "2022-04"
    assert event.has_sign_language and event.has_live_captions
    plain = make_event(index, "Plain", interpretation=("fr",))
    assert not plain.has_sign_language and not plain.has_live_captions


def test_the_sequence_rises_when_what_a_calendar_shows_changes(index):
    event = make_event(index, "Webinar")
    assert event.sequence == 0
    event.accessibility_contact = "access@example.org"
    event = publish(event)
    assert event.sequence == 0  # nothing a calendar shows
    event.start_time = datetime.time(16)
    event = publish(event)
    assert event.sequence == 1
    event.status = "cancelled"
    event = publish(event)
    assert event.sequence == 2
    # A draft saved from an older copy still continues the count.
    stale = EventPage.objects.get(pk=event.pk)
    stale.sequence = 0
    stale.title = "Webinar (new title)"
    assert publish(stale).sequence == 3


def test_a_country_team_adds_events_under_its_country_in_the_country_review(portal_site):
    countries = build.country_index(portal_site)
    assign_country_review(countries)
    kenya = build.country(countries, "Kenya", "KE")
    member = User.objects.create_user("kenya-editor")
    member.groups.add(CountryTeam.objects.get(country_key=kenya.translation_key).group)
    assert EventPage.can_create_at(kenya)
    assert kenya.permissions_for_user(member).can_add_subpage()
    event = make_event(kenya, "Launch in Kenya", start=in_days(20))
    assert event.country_id == kenya.pk  # the country it is on, for filters and feeds
    assert event.get_workflow().name == "Country review"
    assert not event.permissions_for_user(member).can_publish()
