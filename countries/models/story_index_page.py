"""The stories listing at /<lang>/stories/, with country, objective and topic facets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core import facets
from core.i18n import publicly_visible
from core.listing import FilterableListingMixin, active_filter_links
from countries import context as page_context
from countries.forms import STORY_FACETS, StoryFilterForm
from countries.models.story_page import StoryPage


class StoryIndexPage(FilterableListingMixin, Page):
    intro = models.TextField(blank=True, help_text=_("What visitors find on this page."))

    filter_form_class = StoryFilterForm
    per_page = 12
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("story index page")

    def get_base_queryset(self, request):
        stories = publicly_visible(StoryPage.objects.all()).with_country_key()
        return stories.defer_streamfields().select_related("locale").order_by("-date", "-pk")

    def apply_filters(self, queryset, filters):
        selected = facets.selected_keys(filters, STORY_FACETS)
        return facets.narrow(queryset, facets.chosen(STORY_FACETS, selected))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, filters = context["filter_form"], context["filters"]
        counts = facets.counts_in_database(
            self.get_base_queryset(request),
            STORY_FACETS,
            facets.selected_keys(filters, STORY_FACETS),
        )
        form.show_counts(counts, filters)
        context["results"] = page_context.decorate_stories(context["results"], request)
        context["active_filters"] = active_filter_links(request, filters, form.fields)
        return context
