from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import fragments, i18n, locales
from home import routing
from home.featured import featured_resources, featured_stories
from home.figures import indicator_figures, key_figures


class HomePage(Page):
    """The root of each locale's tree, served at /<lang>/."""

    intro = models.TextField(
        help_text="Two or three plain sentences: what QualityRights is for.",
    )
    body = RichTextField(
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text="Optional: more about the initiative, in plain language.",
    )
    etraining_heading = models.CharField(
        max_length=120, default="Take the QualityRights e-training"
    )
    etraining_text = models.TextField(
        blank=True,
        help_text="Why someone should take the e-training, in one or two sentences.",
    )
    etraining_link_text = models.CharField(
        max_length=120, default="Start the e-training on mental health and human rights"
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("etraining_heading"),
        APIField("etraining_link_text"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("etraining_heading"),
                FieldPanel("etraining_text"),
                FieldPanel("etraining_link_text"),
            ],
            heading="Call to action: the e-training",
        ),
        InlinePanel(
            "featured_stories",
            max_num=3,
            label=_("Featured stories"),
            help_text=_("Up to three. Without a choice the latest stories are shown."),
        ),
        InlinePanel(
            "featured_resources",
            max_num=3,
            label=_("Featured resources"),
            help_text=_("Up to three. Without a choice the newest resources are shown."),
        ),
    ]

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        # Locale trees hold only translated pages (docs/i18n.md). When this locale has
        # no page at the path, serve the default locale's page under this prefix; its
        # template then shows the "not yet translated" notice.
        try:
            if not path_components:
                routing.skip_restriction_lookup(self, [self])
                return super().route(request, path_components)
            return routing.route(self, request, path_components)
        except Http404:
            default = locales.default()
            if not path_components or self.locale_id == default.pk:
                raise
            source = self.get_translation_or_none(default)
            if source is None:
                raise
            return source.specific.route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Counted over every public page: the same for every visitor until the next publish.
        figures = fragments.cached(
            "home-figures",
            lambda: {"key": key_figures(self), "indicators": indicator_figures()},
            self.pk,
            i18n.active_language(),
        )
        context["key_figures"] = figures["key"]
        context["indicator_figures"] = figures["indicators"]
        context["featured_stories"] = featured_stories(self, request)
        context["featured_resources"] = featured_resources(self, request)
        context["etraining_url"] = settings.PORTAL_ETRAINING_URL
        return context


class FeaturedStory(Orderable):
    page = ParentalKey(HomePage, related_name="featured_stories", on_delete=models.CASCADE)
    story = models.ForeignKey("countries.StoryPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("story", "countries.StoryPage")]


class FeaturedResource(Orderable):
    page = ParentalKey(HomePage, related_name="featured_resources", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]
