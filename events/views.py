"""Calendars at `<page URL>calendar.ics`: an event's own .ics, and the events index's
subscribable feed of upcoming events (optionally ?country=<slug>&topic=<slug>, the
listing's slugs). Wagtail serves page paths ending in a slash only, so portal/urls.py
routes these to here; the page is found as Wagtail's own view finds it."""

import datetime

from django.http import Http404, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from core import i18n
from events import calendar, listing
from events.facets import FACETS
from events.models import EventIndexPage, EventPage

# What a subscriber still sees after an event ends: long enough for a late change or a
# cancellation to reach their calendar.
FEED_KEEPS_PAST = datetime.timedelta(days=30)
FEED_FILTERS = ("country", "topic")


def find_page(request, path):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in path.split("/") if component]
    page = site.root_page.localized.specific.route(request, components).page.specific
    # A calendar is as public as the listing: nothing restricted or unpublished.
    if not Page.objects.live().public().filter(pk=page.pk).exists():
        raise Http404
    return page


@require_GET
def ics(request, path):
    page = find_page(request, path)
    if isinstance(page, EventPage):
        return calendar.event_response(page, request)
    if isinstance(page, EventIndexPage):
        return feed(request)
    raise Http404


def feed(request):
    """Upcoming events of the visitor's language (and those ended in the last 30 days),
    of one country or topic if asked. An unknown value is a 400 naming the known ones."""
    filters = {}
    for name in FEED_FILTERS:
        if name not in request.GET:
            continue
        facet = next(f for f in FACETS if f.name == name)
        by_slug = {choice.slug: choice for choice in facet.load_choices()}
        slug = request.GET[name]
        if slug not in by_slug:
            message = _("Unknown %(name)s “%(value)s”. Known values: %(known)s") % {
                "name": name,
                "value": slug[:100],
                "known": ", ".join(sorted(by_slug)) or "-",
            }
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        filters[name] = [by_slug[slug]]
    events = i18n.publicly_visible(EventPage.objects.all())
    events = events.upcoming(timezone.now() - FEED_KEEPS_PAST)
    events = listing.narrow(events, filters).select_related("locale").order_by("start_utc", "pk")
    name = _("WHO QualityRights events")
    return calendar.response(calendar.calendar(events, request, name), "events.ics")
