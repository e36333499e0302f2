"""A story from a country team: what changed, for whom, and which objectives it advances."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from countries.blocks import StoryBodyBlock
from countries.choices import OBJECTIVE_SHORT, OBJECTIVES


class StoryPage(Page):
    date = models.DateField(default=datetime.date.today)
    summary = models.TextField(help_text=_("One or two plain sentences for listings."))
    body = StreamField(StoryBodyBlock(), blank=True)
    advances_capacity = models.BooleanField(OBJECTIVES["capacity"], default=False)
    advances_participation = models.BooleanField(OBJECTIVES["participation"], default=False)
    advances_community = models.BooleanField(OBJECTIVES["community"], default=False)
    advances_law = models.BooleanField(OBJECTIVES["law"], default=False)
    topics = ParentalManyToManyField("portal.Topic", blank=True, related_name="stories")

    parent_page_types = ["countries.CountryPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
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
    ]

    class Meta:
        verbose_name = _("story")
        ordering = ["-date"]

    def clean(self):
        super().clean()
        if not any(getattr(self, f"advances_{key}") for key in OBJECTIVES):
            raise ValidationError(_("Choose at least one QualityRights objective."))

    def objectives(self):
        return [OBJECTIVE_SHORT[key] for key in OBJECTIVES if getattr(self, f"advances_{key}")]

    def get_context(self, request, *args, **kwargs):
        from countries.context import story_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_context(self, request))
        return context
