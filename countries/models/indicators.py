"""Indicators: types that editors manage as snippets, and dated values on a country.

Values are kept on the English country page only (docs/indicators.md): translations
show the English page's values, and a translation never gets a copy of its own."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField


def english_types():
    """What a value or a target may point at: the English types, one per indicator,
    whose translations only name it."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class Kind(models.TextChoices):
    CUMULATIVE = "cumulative", _("Running total (never goes down)")
    PER_PERIOD = "per-period", _("Count for each period")


@register_snippet
class IndicatorType(TranslatableMixin, models.Model):
    """What is counted, e.g. "e-training learners completed". Translatable; values point
    at the English type and pages show the name in the visitor's language."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, help_text=_("Keep it the same in every language."))
    description = models.TextField(blank=True, help_text=_("What is counted, and how."))
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.CUMULATIVE,
        help_text=_(
            "A running total, such as learners enrolled since the start, may not go down "
            "from one date to the next."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("kind"),
        FieldPanel("sort_order"),
    ]

    # Facts, the same in every language; only the name and description are translated.
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("kind", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indicator type")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_indicator_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def cumulative(self):
        return self.kind == Kind.CUMULATIVE


class IndicatorValue(Orderable):
    """One dated value of one indicator for one country, with its source."""

    country = ParentalKey(
        "countries.CountryPage", on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(
        IndicatorType, on_delete=models.PROTECT, related_name="+", limit_choices_to=english_types
    )
    date = models.DateField(help_text=_("The date the value refers to."))
    value = models.PositiveBigIntegerField()
    source = models.CharField(
        max_length=255,
        help_text=_(
            'Who published it, e.g. "WHO Academy, 2024". Write "sample data" if '
            "the number is invented."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("indicator value")
