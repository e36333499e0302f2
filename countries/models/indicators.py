"""Indicators: types that editors manage as snippets, and dated values on a country."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.snippets.models import register_snippet


@register_snippet
class IndicatorType(TranslatableMixin, models.Model):
    """What is counted, e.g. "e-training learners completed". Translatable; values point
    at the English type and pages show the name in the visitor's language."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, help_text=_("Keep it the same in every language."))
    description = models.TextField(blank=True, help_text=_("What is counted, and how."))
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
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


class IndicatorValue(Orderable):
    """One dated value of one indicator for one country, with its source."""

    country = ParentalKey(
        "countries.CountryPage", on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(IndicatorType, on_delete=models.PROTECT, related_name="+")
    date = models.DateField(help_text=_("The date the value refers to."))
    value = models.PositiveBigIntegerField()
    source = models.CharField(
        max_length=255,
        help_text=_(
            'Who published it, e.g. "WHO Academy, 2024". Write "sample data" if '
            "the number is invented."
        ),
    )

    panels = [
        FieldPanel("indicator"),
        FieldPanel("date"),
        FieldPanel("value"),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator value")
