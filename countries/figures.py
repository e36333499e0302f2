"""Portal-wide figures from the countries' indicator values: the totals on the home page,
the progress page (progress/) and each country page's share of them.

Only public English country pages count (live, under no view restriction): values live
on the English page, and a translation is the same country. How the totals are made
(docs/indicators.md):

- a country's figure is its latest value (the latest date; a tie goes to the last row);
- a total is the sum of the countries' latest values, "as of" the latest of their dates;
- over time, a running total (cumulative type) at each date is the sum of each country's
  latest value on or before that date; a count per period is the sum of the values
  dated that day (a period is named by its end date: 31 December for a year).

Every value is read in one query, once per content version (core/fragments.py): a
publish, an unpublish or a changed indicator type makes a new version."""

from collections import namedtuple
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from core import fragments, page_cache, visibility

# Module references: country pages show their share of the totals (countries/context.py,
# which the page models import), so this module may load before the models are defined.
from countries.models import country_page
from countries.models import indicators as indicator_models

# Plain tuples, so that the figures keep in the shared cache.
Type = namedtuple("Type", "id slug name translation_key kind sort_order")
Country = namedtuple("Country", "id translation_key region")
Reading = namedtuple("Reading", "country_id indicator_id date value source")


@dataclass
class Total:
    total: int = 0
    as_of: object = None  # a date
    sources: set = field(default_factory=set)
    countries: int = 0

    def add(self, reading):
        self.total += reading.value
        self.as_of = max(self.as_of or reading.date, reading.date)
        self.sources.add(reading.source)
        self.countries += 1

    @property
    def sample(self):
        return any(is_sample(source) for source in self.sources)


@cache
def _sample_markers():
    # Editors are asked to write "sample data" in the interface's language.
    markers = {"sample data"}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            markers.add(gettext("sample data").casefold())
    return frozenset(markers)


def is_sample(source):
    """True when a value's source says it was invented, in any portal language."""
    source = source.casefold()
    return any(marker in source for marker in _sample_markers())


def public_countries():
    """The English country pages whose values count."""
    return visibility.public(country_page.CountryPage.objects.live()).filter(
        locale__language_code=settings.LANGUAGE_CODE
    )


class Figures:
    """Every counted value, with the sums over them. Built from three queries."""

    def __init__(self):
        countries = public_countries()
        self.countries = {
            row[0]: Country(*row)
            for row in countries.values_list("pk", "translation_key", "who_region")
        }
        english_types = indicator_models.IndicatorType.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
        self.types = [
            Type(*row)
            for row in english_types.order_by("sort_order", "name", "pk").values_list(
                "pk", "slug", "name", "translation_key", "kind", "sort_order"
            )
        ]
        known = {kind.id for kind in self.types}
        self.per_period = {
            kind.id for kind in self.types if kind.kind == indicator_models.Kind.PER_PERIOD
        }
        rows = (
            indicator_models.IndicatorValue.objects.filter(country__in=countries.values("pk"))
            .order_by("date", "pk")
            .values_list("country_id", "indicator_id", "date", "value", "source")
        )
        self.values = [Reading(*row) for row in rows if row[1] in known]  # oldest first
        self.latest = {}
        for reading in self.values:
            self.latest[(reading.country_id, reading.indicator_id)] = reading  # later wins
        self.by_key = {country.translation_key: country.id for country in self.countries.values()}

    def totals(self, country_ids=None):
        """{indicator id: Total} over `country_ids` (default: every counted country). A
        count per period adds up one period, the latest any of them reported: last
        year's count of one country is not added to this year's of another."""
        chosen = [
            ((country_id, indicator_id), reading)
            for (country_id, indicator_id), reading in self.latest.items()
            if country_ids is None or country_id in country_ids
        ]
        last_period = {}
        for (_country, indicator_id), reading in chosen:
            if indicator_id in self.per_period:
                last_period[indicator_id] = max(
                    last_period.get(indicator_id, reading.date), reading.date
                )
        totals = {}
        for (_country, indicator_id), reading in chosen:
            if last_period.get(indicator_id, reading.date) == reading.date:
                totals.setdefault(indicator_id, Total()).add(reading)
        return totals

    def reported(self):
        """The types that have at least one counted value, in display order."""
        counted = {indicator_id for _country, indicator_id in self.latest}
        return [kind for kind in self.types if kind.id in counted]

    def series(self, kind):
        """[(date, total)], oldest first: the global total of `kind` over time."""
        readings = [r for r in self.values if r.indicator_id == kind.id]
        points = {}
        if kind.kind == indicator_models.Kind.PER_PERIOD:
            for reading in readings:
                points[reading.date] = points.get(reading.date, 0) + reading.value
        else:
            current, running = {}, 0
            for reading in readings:
                running += reading.value - current.get(reading.country_id, 0)
                current[reading.country_id] = reading.value
                points[reading.date] = running  # the last reading of a day sets it
        return sorted(points.items())

    def of_country(self, country_id):
        """{indicator id: Reading}: the country's latest values."""
        return {
            indicator_id: reading
            for (cid, indicator_id), reading in self.latest.items()
            if cid == country_id
        }

    def regions(self):
        """{region code: (number of countries, {indicator id: Total})}."""
        members = {}
        for country in self.countries.values():
            members.setdefault(country.region, set()).add(country.id)
        return {region: (len(ids), self.totals(ids)) for region, ids in members.items()}


def figures():
    """The Figures of the current content version, shared by every process. Kept per
    release too: an object pickled by other code may not have the same attributes."""
    return fragments.cached("indicator-figures", Figures, page_cache.release())


def indicator_totals():
    """For each indicator type with values, the sum over public countries of each
    country's latest value: a list of {"indicator", "total", "as_of", "sources"} in the
    types' order. "sources" lets a page say "sample data" when any value is."""
    found = figures()
    totals = found.totals()
    return [
        {
            "indicator": kind,
            "total": totals[kind.id].total,
            "as_of": totals[kind.id].as_of,
            "sources": totals[kind.id].sources,
        }
        for kind in found.reported()
    ]
