"""An event's times: entered as the wall-clock time in the event's IANA time zone, stored
also in UTC, and shown with that zone's abbreviation and UTC offset on that date.

The standard library's `zoneinfo` (with the IANA database of the system, or the
`tzdata` package) knows every zone's daylight-saving rules, so 12 April 2022 15.00 in
Europe/Geneva is 13.00 UTC (CEST, UTC+02:00) with no table of ours."""

import datetime
import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

MAX_TIME_ZONE_LENGTH = 64  # the longest IANA name is 32 characters


@cache
def known_time_zones():
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(name):
    if len(name) > MAX_TIME_ZONE_LENGTH or name not in known_time_zones():
        raise ValidationError(
            _("Unknown time zone. Use an IANA name such as Europe/Geneva or America/New_York."),
            code="unknown_time_zone",
        )


def aware(date, time, zone_name):
    """The wall-clock `date` `time` in `zone_name`, or a ValidationError when that time
    does not exist there (skipped when clocks go forward). An ambiguous time (clocks go
    back) is the first of the two, as `fold=0` means."""
    zone = zoneinfo.ZoneInfo(zone_name)
    local = datetime.datetime.combine(date, time, tzinfo=zone)
    # A skipped time does not survive the round trip through UTC.
    if local.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != local.replace(
        tzinfo=None
    ):
        raise ValidationError(
            _("%(time)s does not exist on %(date)s in %(zone)s: the clocks go forward then."),
            params={"time": time.strftime("%H:%M"), "date": date.isoformat(), "zone": zone_name},
            code="skipped_time",
        )
    return local


def offset_label(moment):
    """ "UTC+02:00" for an aware datetime; "UTC" when the offset is zero."""
    offset = moment.utcoffset()
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"  # a true minus sign, as typography wants
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def abbreviation(moment):
    """The zone's abbreviation on that date ("CEST"), or "" where the IANA database has
    only a number ("+03"), which the offset already says."""
    name = moment.tzname() or ""
    return "" if name[:1] in "+-" or name == "UTC" else name


def describe(moment):
    """What a page shows of one moment, in the active language: date, time,
    abbreviation and offset, and the ISO form for <time datetime>."""
    return {
        "date": formats.date_format(moment, "DATE_FORMAT"),
        "time": formats.date_format(moment, "TIME_FORMAT"),
        "abbreviation": abbreviation(moment),
        "offset": offset_label(moment),
        "iso": moment.isoformat(timespec="minutes"),
    }
