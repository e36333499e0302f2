"""An event's rules, each with a message an editor can act on. Called from
EventPage.clean(); returns {field: message} so every problem is shown at once."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from events import timezones
from events.choices import ONLINE_FORMATS, VENUE_FORMATS, Status


def event_errors(page):
    errors = {}
    start = end = None
    zone_ok = bool(page.time_zone) and not _zone_error(page.time_zone)
    if zone_ok and page.start_date and page.start_time:
        try:
            start = timezones.aware(page.start_date, page.start_time, page.time_zone)
        except ValidationError as error:
            errors["start_time"] = error.messages[0]
    if zone_ok and page.end_time and (page.end_date or page.start_date):
        try:
            end = timezones.aware(page.end_date or page.start_date, page.end_time, page.time_zone)
        except ValidationError as error:
            errors["end_time"] = error.messages[0]
    if start and end and end <= start:
        errors["end_time"] = _("The event must end after it starts.")
    if page.registration_deadline and page.start_date:
        if page.registration_deadline > page.start_date:
            errors["registration_deadline"] = _(
                "The registration deadline must not be after the event starts."
            )
    has_online = bool(page.online_url or page.online_details.strip())
    if page.format in ONLINE_FORMATS and not (has_online or page.registration_url):
        errors["online_url"] = _(
            "An online event needs joining information or a registration web address."
        )
    if page.status == Status.MOVED_ONLINE and not has_online:
        errors["online_url"] = _(
            "An event moved online needs joining information (a web address or instructions)."
        )
    if page.format in VENUE_FORMATS and not page.venue_name.strip():
        errors["venue_name"] = _("An event held in person needs the name of its venue.")
    return errors


def _zone_error(name):
    try:
        timezones.validate_time_zone(name)
    except ValidationError:
        return True
    return False
