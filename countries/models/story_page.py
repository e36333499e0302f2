"""A story from a country team: what changed, for whom, and which objectives it advances."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from countries.blocks import StoryBodyBlock
from countries.choices import OBJECTIVE_SHORT, OBJECTIVES
from search.boosts import SUMMARY_BOOST
from search.reindex import index_with_relations


class StoryPage(Page):
    date = models.DateField(default=datetime.date.today)
    summary = models.TextField(help_text=_("One or two plain sentences for listings."))
    body = StreamField(StoryBodyBlock(), blank=True)
    advances_capacity = models.BooleanField(OBJECTIVES["capacity"], default=False)
    advances_participation = models.BooleanField(OBJECTIVES["participation"], default=False)
    advances_community = models.BooleanField(OBJECTIVES["community"], default=False)
    advances_law = models.BooleanField(OBJECTIVES["law"], default=False)
    topics = ParentalManyToManyField("core.Topic", blank=True, related_name="stories")

    parent_page_types = ["countries.CountryPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.FilterField("date"),
        # The site search's facet keys, for a search server (search/facets.py).
        index.FilterField("topic_keys"),
        index.FilterField("country_keys"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel(f"advances_{key}") for key in OBJECTIVES],
            heading=_("QualityRights objectives this story advances"),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_resources", label=_("Related resources")),
    ]

    class Meta:
        verbose_name = _("story")
        ordering = ["-date"]

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        index_with_relations(self, **kwargs)  # with the topics just written
        return result

    def clean(self):
        super().clean()
        if not any(getattr(self, f"advances_{key}") for key in OBJECTIVES):
            raise ValidationError(_("Choose at least one QualityRights objective."))

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("topics")

    def topic_keys(self):
        return [str(topic.translation_key) for topic in self.topics.all()]

    def country_keys(self):
        """The key of the country page the story is published under."""
        parent = self.get_parent()
        return [str(parent.translation_key)] if parent else []

    def objectives(self):
        return [OBJECTIVE_SHORT[key] for key in OBJECTIVES if getattr(self, f"advances_{key}")]

    def structured_data(self, request):
        """A schema.org Article for core.seo's JSON-LD."""
        country = self.get_parent()
        return {
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": request.build_absolute_uri(request.path),
            "about": {"@type": "Place", "name": country.title},
            "publisher": {"@type": "Organization", "name": "WHO QualityRights"},
        }

    def get_context(self, request, *args, **kwargs):
        from countries.context import story_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_context(self, request))
        return context


class StoryRelatedResource(Orderable):
    """A library resource the story points readers to (shown in their language)."""

    page = ParentalKey(StoryPage, related_name="related_resources", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]
