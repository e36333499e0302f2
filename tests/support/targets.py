"""Builders for targets and the countries whose values count towards them."""

import datetime

from wagtail.models import Locale

from countries import iso
from countries.models import IndicatorValue, Target
from tests.support import countries as build

REGIONS = ["afr", "amr", "sear", "eur", "emr", "wpr"]
DATES = (datetime.date(2023, 12, 31), datetime.date(2024, 12, 31))


def enrolled():
    return build.indicator_type("etraining-enrolled", "E-training learners enrolled")


def per_period(slug="services-assessed", name="Services assessed"):
    kind = build.indicator_type(slug, name)
    kind.kind = "per-period"
    kind.save()
    return kind


def target(indicator, value, name="5 million learners by the end of 2024", **fields):
    fields.setdefault("source", "WHO news release, 2022")
    return Target.objects.create(
        locale=Locale.get_default(), indicator=indicator, value=value, name=name, **fields
    )


def translate_target(english, code, name, source=None):
    translated = english.copy_for_translation(Locale.objects.get(language_code=code))
    translated.name = name
    translated.source = source or english.source
    translated.save()
    return translated


def translate_type(kind, code, name):
    translated = kind.copy_for_translation(Locale.objects.get(language_code=code))
    translated.name = name
    translated.save()
    return translated


def many_countries(index, count, kinds, start=0):
    """`count` countries (ISO codes in order, those of Kenya, Ghana and France left
    out), each with two dated values per type."""
    codes = sorted(set(iso.countries()) - {"KE", "GH", "FR"})
    pages = []
    for number in range(start, start + count):
        code = codes[number]
        page = build.country(index, f"Country {code}", code, region=REGIONS[number % 6])
        page.indicator_values = [
            IndicatorValue(indicator=kind, date=date, value=10 * number + year, source="sample")
            for kind in kinds
            for year, date in enumerate(DATES)
        ]
        pages.append(build.publish(page))
    return pages
