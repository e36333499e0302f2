"""The template file: the columns of /open-data/indicators.csv, filled with the current
values of the countries the person may import for, so that it imports back unchanged
and an edited copy changes only what was edited."""

import csv

from django.http import HttpResponse

from core import locales
from countries.imports.columns import COLUMNS
from countries.imports.current import current_values, english_countries
from countries.imports.views import importers_only
from countries.models import IndicatorType


@importers_only
def template_file(request, access):
    pages = [page for page in english_countries() if access.allows(page)]
    values = current_values(pages, access)
    types = {kind.pk: kind for kind in IndicatorType.objects.filter(locale=locales.default())}
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="indicator-values.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for page in pages:
        known = [value for value in values[page.pk].values() if value.indicator_id in types]
        rows = sorted(known, key=lambda v: (types[v.indicator_id].slug, v.date))
        for value in rows:
            kind = types[value.indicator_id]
            writer.writerow(
                [
                    page.iso_code,
                    page.title,
                    kind.slug,
                    kind.name,
                    value.value,
                    value.date,
                    value.source,
                ]
            )
    return response
