"""A participating country: its profile, indicators and the team that keeps it current."""

from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import model_from_serializable_data
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField

from core import locales
from core.languages import LANGUAGES
from countries import context as page_context
from countries import teams
from countries.api import IndicatorsField
from countries.choices import Region, Status
from countries.iso import validate_alpha2
from countries.models.indicators import IndicatorType, IndicatorValue
from countries.page_forms import CountryPageForm
from countries.panels import IndicatorTablePanel, RowsPanel
from search.boosts import SUMMARY_BOOST

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
# Django's language list, plus the portal's own (Filipino is not in Django's).
TRAINING_LANGUAGE_CHOICES = sorted(
    (dict(global_settings.LANGUAGES) | dict(LANGUAGES)).items(), key=lambda choice: choice[1]
)


class CountryPage(Page):
    iso_code = models.CharField(
        _("ISO 3166-1 alpha-2 code"),
        max_length=2,
        validators=[validate_alpha2],
        help_text=_("Two capital letters, e.g. KE for Kenya."),
    )
    who_region = models.CharField(_("WHO region"), max_length=4, choices=Region.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNING)
    year_joined = models.PositiveSmallIntegerField(null=True, blank=True)
    summary = models.TextField(help_text=_("Two or three plain sentences for listings."))
    body = RichTextField(blank=True, features=TEXT_FEATURES)
    partners = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])
    contact = RichTextField(
        blank=True, features=["bold", "link", "ul"], help_text=_("How people can reach the team.")
    )

    parent_page_types = ["countries.CountryIndexPage"]
    # Events by label: the events app sits above this one (docs/architecture.md).
    subpage_types = ["countries.StoryPage", "events.EventPage"]

    base_form_class = CountryPageForm

    # The code and figures are facts, the same in every language. Indicator values are
    # kept on the English page only (docs/indicators.md): wagtail-localize neither
    # copies nor syncs them, and "Copy page" leaves them behind too.
    override_translatable_fields = [
        SynchronizedField("iso_code"),
        SynchronizedField("year_joined"),
        BaseTranslatableField("indicator_values"),
    ]
    exclude_fields_in_copy = ["indicator_values"]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("who_region"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("iso_code"),
                FieldPanel("who_region"),
                FieldPanel("status"),
                FieldPanel("year_joined"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("partners"),
        FieldPanel("contact"),
        RowsPanel("training_languages", heading=_("E-training languages"), label=_("language")),
        IndicatorTablePanel(heading=_("Indicators"), label=_("value")),
    ]

    # The public API (docs/api.md); countries.api.prefetch loads the indicators.
    api_fields = [
        APIField("iso_code"),
        APIField("who_region"),
        APIField("status"),
        APIField("year_joined"),
        APIField("summary"),
        APIField("indicators", serializer=IndicatorsField()),
    ]

    class Meta:
        verbose_name = _("country page")

    def clean(self):
        super().clean()
        # Translations share their source's code; another country may not take it.
        clash = CountryPage.objects.filter(iso_code=self.iso_code).exclude(
            translation_key=self.translation_key
        )
        if clash.exists():
            raise ValidationError({"iso_code": _("Another country page already uses this code.")})
        # The country's team group is named after the English title: two countries with one
        # name would need one group name twice (an IntegrityError at publish).
        if self.locale_id == Locale.get_default().pk and teams.name_taken(self):
            raise ValidationError(
                {"title": _("Another country is already called this. Please choose another name.")}
            )

    def save(self, *args, **kwargs):
        # The page and its team (group, collection, permissions) are saved together,
        # whether the page comes from the admin, load_demo or a test.
        update_fields = kwargs.get("update_fields")
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            # Revision bookkeeping saves a few fields only; those never change the team.
            if update_fields is None or "title" in update_fields:
                teams.provision_team(self)
        return result

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        """A page from a revision (previews, publishing, comparisons). modelcluster checks
        each value's links with a query of its own, two per value: a country with
        hundreds of values took seconds to publish. Their types are checked here at once;
        a value whose type is gone is left out, as modelcluster would leave it out."""
        values = data.get("indicator_values")
        if not check_fks or not values:
            return super().from_serializable_data(data, check_fks, strict_fks)
        page = super().from_serializable_data(
            {**data, "indicator_values": []}, check_fks, strict_fks
        )
        if page is None:
            return None
        known = set(
            IndicatorType.objects.filter(pk__in={v.get("indicator") for v in values}).values_list(
                "pk", flat=True
            )
        )
        page.indicator_values = [
            model_from_serializable_data(IndicatorValue, value, check_fks=False)
            for value in values
            if value.get("indicator") in known
        ]
        return page

    def english(self):
        """The default-locale page: indicator values are kept there only."""
        default = locales.default()
        if self.locale_id == default.pk:
            return self
        if "_english" not in self.__dict__:  # asked for by several parts of one page
            self._english = self.get_translation_or_none(default) or self
        return self._english

    def structured_data(self, request):
        """A schema.org Place for core.seo's JSON-LD."""
        return {
            "@type": "Place",
            "name": self.title,
            "description": self.summary,
            "url": request.build_absolute_uri(request.path),
            "address": {"@type": "PostalAddress", "addressCountry": self.iso_code},
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.country_context(self, request))
        return context


class TrainingLanguage(Orderable):
    """A language the QualityRights e-training is offered in, in this country."""

    country = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="training_languages")
    language = models.CharField(max_length=10, choices=TRAINING_LANGUAGE_CHOICES)

    panels = [FieldPanel("language")]
