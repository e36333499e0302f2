"""Upcoming events, soonest first, in the visitor's language: the summary and the time in
the event's zone. Never the joining information, which only the page shows, near the
event."""

from django.utils.translation import gettext_lazy as _

from events import context
from events.freshness import changes_with_time
from events.lists import upcoming
from feeds.base import ITEMS, PageFeed


class EventsFeed(PageFeed):
    def title(self, obj):
        return _("WHO QualityRights: upcoming events")

    def subtitle(self, obj):
        return _("Launches, webinars and trainings that everyone can join.")

    def items(self, obj):
        changes_with_time(self.request)
        return upcoming().defer_streamfields().select_related("locale")[:ITEMS]

    def item_description(self, page):
        when = context.when(page)
        start = when["start"]
        moment = f"{start['date']}, {start['time']} {start['abbreviation']} ({start['offset']})"
        status = f"{page.get_status_display()}. " if page.status != "scheduled" else ""
        return f"{status}{moment}. {page.summary}"

    def item_pubdate(self, page):
        return page.first_published_at
