"""Targets: how many learners (or any indicator) by when, for the world, a WHO region or
one country, with the published source. Shown on the progress page (progress/)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from countries.choices import Region
from countries.models.indicators import IndicatorType, english_types


class Scope(models.TextChoices):
    GLOBAL = "global", _("All countries")
    REGION = "region", _("One WHO region")
    COUNTRY = "country", _("One country")


@register_snippet
class Target(TranslatableMixin, models.Model):
    name = models.CharField(
        max_length=160,
        help_text=_('In plain words, e.g. "5 million learners by the end of 2024".'),
    )
    indicator = models.ForeignKey(
        IndicatorType, on_delete=models.PROTECT, related_name="+", limit_choices_to=english_types
    )
    value = models.PositiveBigIntegerField(validators=[MinValueValidator(1)])
    deadline = models.DateField(
        null=True, blank=True, help_text=_("Leave empty when the source gives no date.")
    )
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.GLOBAL)
    region = models.CharField(_("WHO region"), max_length=4, choices=Region.choices, blank=True)
    country = models.ForeignKey(
        "countries.CountryPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=english_types,
    )
    source = models.CharField(
        max_length=255,
        help_text=_('Who set the target and where, e.g. "WHO news release, 2022".'),
    )
    source_url = models.URLField(_("source link"), blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("indicator", widget=forms.Select),
                FieldPanel("value"),
                FieldPanel("deadline"),
            ],
            heading=_("Target"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("scope"),
                FieldPanel("region"),
                FieldPanel("country", widget=forms.Select),
            ],
            heading=_("Who it is for"),
        ),
        FieldPanel("source"),
        FieldPanel("source_url"),
        FieldPanel("sort_order"),
    ]

    # The numbers and what they count are facts, the same in every language; the name
    # and the source's wording are translated.
    override_translatable_fields = [
        SynchronizedField("indicator", overridable=False),
        SynchronizedField("value", overridable=False),
        SynchronizedField("deadline", overridable=False),
        SynchronizedField("scope", overridable=False),
        SynchronizedField("region", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("target")
        ordering = ["sort_order", "deadline", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.scope == Scope.REGION and not self.region:
            errors["region"] = _("Choose the WHO region this target is for.")
        if self.scope == Scope.COUNTRY:
            if self.country_id is None:
                errors["country"] = _("Choose the country this target is for.")
        if self.scope != Scope.REGION:
            self.region = ""
        if self.scope != Scope.COUNTRY:
            self.country = None
        if errors:
            raise ValidationError(errors)
