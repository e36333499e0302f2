"""The events listing at /<lang>/events/: upcoming events soonest first, or past ones
(`?view=past`) newest first, with the facets of events/facets.py. Its calendar feed,
/<lang>/events/calendar.ics, is events/views.py."""

from django.db import models
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core import i18n
from core.listing import FilterableListingMixin, active_filter_links
from events import listing
from events.forms import PAST, EventFilterForm
from events.freshness import changes_with_time
from events.models.event_page import EventPage


class EventIndexPage(FilterableListingMixin, Page):
    intro = models.TextField(blank=True, help_text=gettext_lazy("What visitors find here."))

    filter_form_class = EventFilterForm
    per_page = 20
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = gettext_lazy("events listing")

    def showing_past(self, request):
        return request.GET.get("view") == PAST

    def get_base_queryset(self, request):
        events = i18n.publicly_visible(EventPage.objects.all())
        if self.showing_past(request):
            return events.past().order_by("-start_utc", "-pk")
        return events.upcoming().order_by("start_utc", "pk")

    def apply_filters(self, queryset, filters):
        return listing.for_listing(listing.narrow(queryset, filters))

    def get_context(self, request, *args, **kwargs):
        changes_with_time(request)
        context = super().get_context(request, *args, **kwargs)
        form, filters = context["filter_form"], context["filters"]
        context["facets"] = listing.facet_groups(self.get_base_queryset(request), filters, form)
        context["results"] = listing.decorate(context["results"], request)
        context["active_filters"] = active_filter_links(
            request, filters, form.fields, skip=["view"]
        )
        context["past"] = self.showing_past(request)
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("view", None)
        other = query.copy()
        if not context["past"]:
            other["view"] = PAST
        context["other_view_url"] = "?" + other.urlencode()
        context["clear_url"] = f"?view={PAST}" if context["past"] else "?"
        return context
