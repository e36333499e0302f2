"""A resource: one page per material, whatever the number of languages it comes in."""

from django import forms
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import i18n
from resources import api
from resources.accessibility import ACCESS_FEATURES
from resources.context import detail_context
from resources.models.downloads import DownloadCount
from resources.models.files import ResourceFile, ResourceLanguage
from resources.page_forms import ResourcePageForm
from resources.panels import DownloadCountsPanel
from search.boosts import SUMMARY_BOOST
from search.documents import document_text
from search.reindex import index_with_relations


class AccessFeatures(models.Model):
    """One boolean per row of resources.accessibility.ACCESS_FEATURES (same names)."""

    has_easy_read = models.BooleanField(_("easy read version"), default=False)
    has_captions = models.BooleanField(_("captions"), default=False)
    has_transcript = models.BooleanField(_("transcript"), default=False)
    has_sign_language = models.BooleanField(_("sign language"), default=False)
    has_audio_description = models.BooleanField(_("audio description"), default=False)
    has_accessible_pdf = models.BooleanField(_("accessible (tagged) PDF"), default=False)

    class Meta:
        abstract = True


class ResourcePage(RoutablePageMixin, AccessFeatures, Page):
    summary = models.TextField(
        _("plain-language summary"),
        max_length=400,
        help_text=_("Two or three short sentences: who it is for and what it helps them do."),
    )
    description = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    # Terms are chosen in English; pages name them in the visitor's language.
    resource_type = models.ForeignKey(
        "resources.ResourceType",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"locale__language_code": "en"},
    )
    topics = ParentalManyToManyField(
        "core.Topic", blank=True, related_name="+", limit_choices_to={"locale__language_code": "en"}
    )
    audiences = ParentalManyToManyField(
        "resources.Audience",
        blank=True,
        related_name="+",
        limit_choices_to={"locale__language_code": "en"},
    )
    # The English country pages; the library filters on their translation_key.
    countries = ParentalManyToManyField(
        "countries.CountryPage",
        blank=True,
        related_name="tagged_resources",
        limit_choices_to={"locale__language_code": "en"},
        help_text=_("Only for material made for or with particular countries."),
    )
    publisher = models.CharField(max_length=200, default="World Health Organization")
    publication_date = models.DateField(db_index=True)  # the library's default order
    licence = models.CharField(max_length=120, default="CC BY-NC-SA 3.0 IGO")
    isbn = models.CharField("ISBN", max_length=20, blank=True)
    iris_handle = models.CharField(
        _("WHO IRIS handle"), max_length=40, blank=True, help_text=_("For example 10665/329611")
    )
    doi = models.CharField("DOI", max_length=120, blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    video_url = models.URLField(
        _("video web address"),
        blank=True,
        help_text=_("Where the video can be watched online (YouTube, Vimeo): shown as a player."),
    )
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 file played on the page, with the caption tracks below."),
    )
    transcript = models.TextField(blank=True)

    base_form_class = ResourcePageForm
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    # Loaded with the page when it is served (home/routing.py): the page shows both.
    route_select_related = ("resource_type", "cover_image")

    # Title (boost 2, from Page) and summary rank above the description and the text
    # inside the resource's PDFs (docs/search.md).
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("description"),
        index.SearchField("publisher"),
        index.SearchField("document_text"),
        index.FilterField("publication_date"),
        # The facet keys, for a search server to filter and count on (search/facets.py,
        # resources/library.py); the database backends count them with SQL instead.
        index.FilterField("type_key"),
        index.FilterField("topic_keys"),
        index.FilterField("audience_keys"),
        index.FilterField("country_keys"),
        index.FilterField("language_codes"),
        *[index.FilterField(field) for _slug, field, _label in ACCESS_FEATURES],
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type", widget=forms.Select),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who and what it is for"),
        ),
        InlinePanel("files", label=_("Files, one per language")),
        InlinePanel("links", label=_("Links to versions elsewhere")),
        MultiFieldPanel(
            [FieldPanel("video_url"), FieldPanel("video_file"), FieldPanel("transcript")],
            heading=_("Video"),
        ),
        InlinePanel("captions", label=_("Caption tracks")),
        MultiFieldPanel(
            [FieldPanel(field) for _slug, field, _label in ACCESS_FEATURES],
            heading=_("Accessibility features"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("publication_date"),
                FieldPanel("licence"),
                FieldPanel("isbn"),
                FieldPanel("iris_handle"),
                FieldPanel("doi"),
            ],
            heading=_("Publication details"),
        ),
        InlinePanel("related_resources", label=_("Related resources")),
    ]
    settings_panels = Page.settings_panels + [DownloadCountsPanel(heading=_("Downloads"))]

    # The public API (docs/api.md); resources.api.prefetch loads what they read.
    api_fields = [
        APIField("summary"),
        APIField("publication_date"),
        APIField("publisher"),
        APIField("licence"),
        APIField("isbn"),
        APIField("doi"),
        APIField("taxonomy", serializer=api.TaxonomyField()),
        APIField("countries", serializer=api.CountriesField()),
        APIField("language_versions", serializer=api.LanguageVersionsField()),
    ]

    class Meta:
        verbose_name = _("resource")

    def __str__(self):  # Page's, restated: the abstract mixin above hides it from linters
        return self.title

    def save(self, *args, **kwargs):
        # Captions and a transcript are facts of the video, so they also tick the filters.
        self.has_captions = self.has_captions or bool(list(self.captions.all()))
        self.has_transcript = self.has_transcript or bool(self.transcript.strip())
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            self.sync_languages()
            index_with_relations(self, **kwargs)
        return result

    def sync_languages(self):
        """Rewrite ResourceLanguage from the files and links now in the database. Runs
        after every save: publishing commits the child rows first, while a draft save
        leaves them (and so the derived languages) as they are live."""
        wanted = set(self.files.model.objects.filter(page=self).values_list("language", flat=True))
        wanted |= set(self.links.model.objects.filter(page=self).values_list("language", flat=True))
        current = set(self.available_languages.values_list("language", flat=True))
        if current - wanted:
            self.available_languages.filter(language__in=current - wanted).delete()
        ResourceLanguage.objects.bulk_create(
            [ResourceLanguage(page=self, language=code) for code in wanted - current]
        )

    def document_text(self):
        """The text extracted from this resource's PDF files, indexed with it."""
        return document_text(self.files.model.objects.filter(page=self).values("document"))

    @classmethod
    def get_indexed_objects(cls):
        # What the facet keys below read, loaded once per indexing batch, not per page.
        return (
            super()
            .get_indexed_objects()
            .select_related("resource_type")
            .prefetch_related("topics", "audiences", "countries", "available_languages")
        )

    def type_key(self):
        return str(self.resource_type.translation_key)

    def topic_keys(self):
        return [str(topic.translation_key) for topic in self.topics.all()]

    def audience_keys(self):
        return [str(audience.translation_key) for audience in self.audiences.all()]

    def country_keys(self):
        return [str(country.translation_key) for country in self.countries.all()]

    def language_codes(self):
        """Codes of the languages on offer; uses the prefetched rows on listings."""
        return [row.language for row in self.available_languages.all()]

    def year(self):
        return self.publication_date.year

    def base_url(self, request):
        """The page's URL under the visitor's language prefix, translated or not."""
        return i18n.url_for_visitor(self, request)

    @path("download/<int:file_id>/", name="download")
    def download(self, request, file_id):
        file = ResourceFile.objects.filter(page=self, pk=file_id).select_related("document")
        file = file.first()
        if file is None:
            raise Http404
        DownloadCount.record(file)
        return redirect(file.document.url)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context


class RelatedResource(Orderable):
    page = ParentalKey(ResourcePage, related_name="related_resources", on_delete=models.CASCADE)
    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]
