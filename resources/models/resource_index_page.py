"""The resource library: /<lang>/resources/, a faceted GET form over ResourcePage."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core import visibility
from core.listing import DeferredQuerySet, FilterableListingMixin, active_filter_links
from resources import cards, library
from resources.forms import LibraryFilterForm
from resources.models.resource_page import ResourcePage


class ResourceIndexPage(FilterableListingMixin, Page):
    intro = models.TextField(
        blank=True, help_text=_("One or two plain sentences: what people find here.")
    )

    filter_form_class = LibraryFilterForm
    per_page = 20
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("resource library")

    def get_base_queryset(self, request):
        """Every live resource under no view restriction (the public part of
        `core.i18n.publicly_visible`): resources.library applies the visitor's language
        itself, in SQL or on a search server, so the locale fallback is not applied
        here. The same for everyone: the listing never shows a restricted page. Deferred:
        a page whose counts and ids are kept never builds it."""
        return DeferredQuerySet(lambda: visibility.public(ResourcePage.objects.live()))

    def apply_filters(self, queryset, filters):
        if library.in_index(filters):
            return library.results(queryset, filters)
        # Built only when the count or the page's ids are not kept yet (library.page_ids).
        return DeferredQuerySet(lambda: library.results(queryset, filters))

    def count_results(self, results, filters):
        return library.count(results, filters)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, filters = context["filter_form"], context["filters"]
        context["facets"] = library.facet_groups(self.get_base_queryset(request), filters, form)
        context["cards"] = cards.rendered(
            context["results"],
            library.page_ids(context["page_obj"], filters),
            form.facet_choices("type"),
            request,
        )
        context["active_filters"] = active_filter_links(
            request, filters, form.fields, skip=["sort"]
        )
        context["sort"] = library.sort_order(filters)
        return context
