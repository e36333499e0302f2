"""A story from a country team: what changed, for whom, and which objectives it advances."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from core import locales
from countries import context as page_context
from countries.blocks import StoryBodyBlock
from countries.choices import OBJECTIVE_SHORT, OBJECTIVES
from countries.page_forms import StoryPageForm
from search.boosts import SUMMARY_BOOST
from search.reindex import index_with_relations


class StoryQuerySet(PageQuerySet):
    """How every listing, feed and facet picks stories by country and topic. A story's
    country is the country page it is published under, its parent; a country is the
    same across languages by its translation key."""

    def with_country_key(self):
        """Annotates `country_key`, the parent country's translation key: one subquery
        on the parent's path, the story's path less one step."""
        if "country_key" in self.query.annotations:
            return self
        parent = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        )
        return self.annotate(country_key=Subquery(parent.values("translation_key")[:1]))

    def in_countries(self, keys):
        """The stories published under the countries whose translation keys are `keys`
        (a list or a subquery), in any language."""
        return self.with_country_key().filter(country_key__in=keys)

    def with_topics(self, keys):
        """The stories tagged with a topic whose translation key is in `keys`, each once."""
        tagged = StoryPage.topics.through.objects.filter(topic__translation_key__in=keys)
        return self.filter(pk__in=tagged.values("storypage_id"))


class StoryManager(PageManager.from_queryset(StoryQuerySet)):
    pass


class StoryPage(Page):
    date = models.DateField(default=datetime.date.today)
    summary = models.TextField(help_text=_("One or two plain sentences for listings."))
    body = StreamField(StoryBodyBlock(), blank=True)
    advances_capacity = models.BooleanField(OBJECTIVES["capacity"], default=False)
    advances_participation = models.BooleanField(OBJECTIVES["participation"], default=False)
    advances_community = models.BooleanField(OBJECTIVES["community"], default=False)
    advances_law = models.BooleanField(OBJECTIVES["law"], default=False)
    # Chosen in English; pages name them in the visitor's language.
    topics = ParentalManyToManyField(
        "core.Topic",
        blank=True,
        related_name="stories",
        limit_choices_to={"locale__language_code": "en"},
    )

    objects = StoryManager()

    base_form_class = StoryPageForm
    # Set by StoryPageForm while it checks a draft: the rules for submitting wait.
    validating_draft = False

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
        if not self.validating_draft and not self.objectives():
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
            "inLanguage": locales.language_of(self),
            "url": request.build_absolute_uri(request.path),
            "about": {"@type": "Place", "name": country.title},
            "publisher": {"@type": "Organization", "name": "WHO QualityRights"},
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.story_context(self, request))
        return context


class StoryRelatedResource(Orderable):
    """A library resource the story points readers to (shown in their language)."""

    page = ParentalKey(StoryPage, related_name="related_resources", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]
