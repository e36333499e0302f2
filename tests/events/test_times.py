"""Time zones and daylight saving: the wall-clock time in the event's zone, in UTC, and
as each language writes it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from events import timezones

LAUNCH = (datetime.date(2022, 4, 12), datetime.time(15, 0), "Europe/Zurich")


def test_the_launch_at_15_00_in_geneva_is_13_00_utc_in_summer_time():
    start = timezones.aware(*LAUNCH)
    assert start.astimezone(datetime.UTC) == datetime.datetime(
        2022, 4, 12, 13, 0, tzinfo=datetime.UTC
    )
    assert timezones.abbreviation(start) == "CEST"
    assert timezones.offset_label(start) == "UTC+02:00"


def test_the_same_time_in_winter_is_one_hour_later_in_utc():
    start = timezones.aware(datetime.date(2022, 1, 12), datetime.time(15), "Europe/Zurich")
    assert start.astimezone(datetime.UTC).hour == 14
    assert (timezones.abbreviation(start), timezones.offset_label(start)) == ("CET", "UTC+01:00")


def test_an_event_across_the_end_of_summer_time_lasts_an_hour_longer_than_its_clock_says():
    # Clocks in Zurich go back from 03:00 to 02:00 on 25 October 2026.
    start = timezones.aware(datetime.date(2026, 10, 24), datetime.time(22), "Europe/Zurich")
    end = timezones.aware(datetime.date(2026, 10, 25), datetime.time(4), "Europe/Zurich")
    # Python subtracts two times of one zone by their wall clocks (6 hours); in UTC, as
    # the pages store them, the night has its extra hour.
    utc = datetime.UTC
    assert end.astimezone(utc) - start.astimezone(utc) == datetime.timedelta(hours=7)
    assert timezones.offset_label(start) == "UTC+02:00"
    assert timezones.offset_label(end) == "UTC+01:00"


def test_a_time_skipped_when_clocks_go_forward_is_refused_with_a_message():
    with pytest.raises(ValidationError) as error:
        timezones.aware(datetime.date(2026, 3, 29), datetime.time(2, 30), "Europe/Zurich")
    assert "does not exist" in error.value.messages[0]


def test_a_zone_without_letters_shows_only_its_offset():
    start = timezones.aware(datetime.date(2026, 5, 1), datetime.time(9), "America/Santiago")
    assert timezones.abbreviation(start) == ""  # the IANA database says "-04"
    assert timezones.offset_label(start) == "UTC−04:00"


@pytest.mark.parametrize("name", ["Europe/Geneva", "Mars/Olympus", "", "x" * 5000, "../etc"])
def test_unknown_time_zones_are_refused_with_a_message(name):
    with pytest.raises(ValidationError) as error:
        timezones.validate_time_zone(name)
    assert "IANA" in error.value.messages[0]


@pytest.mark.parametrize(
    "code, date, time",
    [
        ("en", "April 12, 2022", "3 p.m."),
        ("fr", "12 avril 2022", "15:00"),
        ("es", "12 de abril de 2022", "15:00"),
        ("ru", "12 апреля 2022 г.", "15:00"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(code, date, time):
    with translation.override(code):
        described = timezones.describe(timezones.aware(*LAUNCH))
    assert (described["date"], described["time"]) == (date, time)
    assert described["iso"] == "2022-04-12T15:00+02:00"
