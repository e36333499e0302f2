"""What the public API (portal/api.py) shows of a country page: its indicators. Values
are kept on the English page only (CountryPage.english), so a translated page shows its
English page's values; `prefetch` loads them for a batch of pages in one query."""

from collections import defaultdict

from wagtail.models import Locale, Page

from core import visibility
from core.api_fields import WholePageField
from countries.models.indicators import IndicatorValue


def prefetch(pages):
    values = defaultdict(list)
    rows = (
        IndicatorValue.objects.filter(
            # The English page's values, while it is public: a public translation of a
            # draft or restricted country shows none.
            country__in=visibility.public(
                Page.objects.live().filter(
                    locale=Locale.get_default(),
                    translation_key__in={page.translation_key for page in pages},
                )
            ).values("pk"),
        )
        .select_related("indicator", "country")
        .order_by("indicator__sort_order", "indicator__slug", "date")
    )
    for row in rows:
        values[row.country.translation_key].append(row)
    for page in pages:
        page.api_indicators = values[page.translation_key]


class IndicatorsField(WholePageField):
    def to_representation(self, page):
        if not hasattr(page, "api_indicators"):
            prefetch([page])
        return [
            {
                "indicator": row.indicator.slug,
                "name": row.indicator.name,
                "date": row.date.isoformat(),
                "value": row.value,
                "source": row.source,
            }
            for row in page.api_indicators
        ]
