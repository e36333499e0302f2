"""The events listing's facets, declared with the core's facets (core/facets.py) as the
library's are: choices in the visitor's language, OR within a facet, AND across, counted
in the database under every other active filter."""

import datetime

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from core.facets import BooleanFieldsFacet, Choice, Facet, resolve, taxonomy_choices
from core.taxonomy import Topic
from countries.queries import country_choices
from events.choices import (
    ACCESS_FEATURES,
    INTERPRETATION_CHOICES,
    SPOKEN_LANGUAGE_CHOICES,
    Format,
)


def format_choices():
    return [Choice(value, label, value) for value, label in Format.choices]


def spoken_choices():
    return [Choice(code, label, code) for code, label in SPOKEN_LANGUAGE_CHOICES]


def interpretation_choices():
    return [Choice(code, label, code) for code, label in INTERPRETATION_CHOICES]


def access_choices():
    return [Choice(slug, label, field) for slug, field, label in ACCESS_FEATURES]


def month_choices():
    """Each month that has a live event ("2022-04"), named in the visitor's language:
    one query."""
    # By its label, as Django's relations name models: the page modules import this one.
    months = (
        resolve("events.EventPage")
        .objects.live()
        .order_by("start_month")
        .values_list("start_month", flat=True)
    )
    return [Choice(month, month_label(month), month) for month in dict.fromkeys(months) if month]


def month_label(month):
    year, number = (int(part) for part in month.split("-"))
    return formats.date_format(datetime.date(year, number, 1), "YEAR_MONTH_FORMAT")


FACETS = [
    Facet(
        "country",
        _("Country"),
        "country__translation_key",
        country_choices,
        many=False,
        narrow=lambda events, keys: events.in_countries(keys),
    ),
    Facet(
        "topic",
        _("Topic"),
        "topics__translation_key",
        lambda: taxonomy_choices(Topic),
        narrow=lambda events, keys: events.with_topics(keys),
    ),
    Facet("format", _("Format"), "format", format_choices, many=False),
    Facet("language", _("Language spoken"), "spoken_languages__language", spoken_choices),
    Facet(
        "interpretation",
        _("Interpretation into"),
        "interpretation_languages__language",
        interpretation_choices,
    ),
    BooleanFieldsFacet("access", _("Accessibility"), access_choices),
    Facet("month", _("Month"), "start_month", month_choices, many=False),
]
