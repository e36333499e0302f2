"""The values an import compares with and builds on: the live page's for a moderator,
who publishes; the latest draft's for a country team, who submits it for review. The
template file is filled from the same values, so it imports back unchanged."""

from collections import defaultdict

from modelcluster.models import model_from_serializable_data
from wagtail.models import Revision

from core import locales
from countries.models import CountryPage, IndicatorValue

VALUES = "indicator_values"


def english_countries():
    return CountryPage.objects.filter(locale=locales.default()).order_by("iso_code")


def builds_on_draft(page, access):
    return bool(not access.moderator and page.has_unpublished_changes and page.latest_revision_id)


def current_values(pages, access):
    """{page pk: {(indicator pk, date): IndicatorValue}}: one query for the live values,
    one for the drafts' revisions."""
    values = defaultdict(dict)
    drafts = [page for page in pages if builds_on_draft(page, access)]
    live = [page.pk for page in pages if not builds_on_draft(page, access)]
    if live:
        for value in IndicatorValue.objects.filter(country_id__in=live):
            values[value.country_id][(value.indicator_id, value.date)] = value
    if drafts:
        revisions = Revision.objects.filter(pk__in=[page.latest_revision_id for page in drafts])
        contents = dict(revisions.values_list("pk", "content"))
        for page in drafts:
            # The values only, without the page: restoring the whole revision would look
            # up each value's indicator and country, a query per value.
            for data in contents[page.latest_revision_id].get(VALUES, []):
                value = model_from_serializable_data(IndicatorValue, data, check_fks=False)
                values[page.pk][(value.indicator_id, value.date)] = value
    return values
