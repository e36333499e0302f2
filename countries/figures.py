"""Portal-wide figures from the countries app, for the home page's key figures."""

from django.conf import settings

from core import visibility
from countries.models import CountryPage, IndicatorValue


def indicator_totals():
    """For each indicator type, the sum over public countries (live, no view restriction)
    of each country's latest
    value: a list of {"indicator", "total", "as_of", "sources"} in the types' order.
    "sources" lets the home page say "sample data" when any value is."""
    latest = {}
    values = (
        IndicatorValue.objects.filter(
            country__in=visibility.public(CountryPage.objects.live()).filter(
                locale__language_code=settings.LANGUAGE_CODE
            )
        )
        .select_related("indicator")
        .order_by("date", "pk")
    )
    for value in values:
        latest[(value.country_id, value.indicator_id)] = value  # later dates overwrite
    totals = {}
    for value in latest.values():
        entry = totals.setdefault(
            value.indicator_id,
            {"indicator": value.indicator, "total": 0, "as_of": value.date, "sources": set()},
        )
        entry["total"] += value.value
        entry["as_of"] = max(entry["as_of"], value.date)
        entry["sources"].add(value.source)
    return sorted(totals.values(), key=lambda e: (e["indicator"].sort_order, e["indicator"].name))
