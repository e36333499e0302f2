"""The two listings: countries at /<lang>/countries/ and stories at /<lang>/stories/."""

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.i18n import with_locale_fallback
from core.listing import FilterableListingMixin, active_filter_links
from countries.forms import CountryFilterForm, StoryFilterForm


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
        from countries.workflow import assign_country_review

        update_fields = kwargs.get("update_fields")
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            # Revision bookkeeping saves a few fields only; those never change the team.
            if update_fields is None or "title" in update_fields:
                assign_country_review(self)
        return result

    def get_base_queryset(self, request):
        from countries.models import CountryPage

        pages = with_locale_fallback(CountryPage.objects.live())
        return pages.select_related("locale").order_by("title")

    def apply_filters(self, queryset, filters):
        if "status" in filters:
            queryset = queryset.filter(status=filters["status"])
        if "region" in filters:
            queryset = queryset.filter(who_region=filters["region"])
        return queryset

    def get_context(self, request, *args, **kwargs):
        from countries.context import country_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(country_index_context(context, request))
        return context


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
        from countries.models import StoryPage

        stories = with_locale_fallback(StoryPage.objects.live())
        return stories.defer_streamfields().select_related("locale").order_by("-date", "-pk")

    def apply_filters(self, queryset, filters):
        from core.taxonomy import Topic
        from countries.models import CountryPage, StoryPage

        if "country" in filters:
            # The same slug in every locale tree: a story's path starts with its country's.
            paths = CountryPage.objects.filter(slug=filters["country"]).values_list("path")
            match = Q(pk__in=[])
            for (path,) in paths:
                match |= Q(path__startswith=path)
            queryset = queryset.filter(match)
        if "objective" in filters:
            queryset = queryset.filter(**{f"advances_{filters['objective']}": True})
        if "topic" in filters:
            keys = Topic.objects.filter(slug=filters["topic"]).values("translation_key")
            tagged = StoryPage.topics.through.objects.filter(topic__translation_key__in=keys)
            queryset = queryset.filter(pk__in=tagged.values("storypage_id"))
        return queryset

    def get_context(self, request, *args, **kwargs):
        from countries.context import decorate_stories

        context = super().get_context(request, *args, **kwargs)
        context["results"] = decorate_stories(context["results"], request)
        context["active_filters"] = active_filter_links(
            request, context["filter_form"], context["filters"]
        )
        return context
