"""The countries listing at /<lang>/countries/: a world map and a table, filtered by
status and WHO region."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.i18n import publicly_visible
from core.listing import FilterableListingMixin
from countries import context as page_context
from countries.forms import CountryFilterForm
from countries.models.country_page import CountryPage
from countries.workflow import assign_country_review


class CountryIndexPage(FilterableListingMixin, Page):
    intro = models.TextField(blank=True, help_text=_("What visitors find on this page."))

    filter_form_class = CountryFilterForm
    # Every country on one page: the map and its text alternative must agree.
    per_page = 300
    parent_page_types = ["home.HomePage"]
    subpage_types = ["countries.CountryPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("country index page")

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            # Revision bookkeeping saves a few fields only; those never change the team.
            if update_fields is None or "title" in update_fields:
                assign_country_review(self)
        return result

    def get_base_queryset(self, request):
        pages = publicly_visible(CountryPage.objects.all())
        return pages.select_related("locale").order_by("title")

    def apply_filters(self, queryset, filters):
        if "status" in filters:
            queryset = queryset.filter(status=filters["status"])
        if "region" in filters:
            queryset = queryset.filter(who_region=filters["region"])
        return queryset

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.country_index_context(context, request))
        return context
