"""The open data sets, as generators of dicts read from the database in chunks."""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from wagtail.models import Locale, Page

from countries.models import IndicatorValue
from resources.models import ResourcePage

CHUNK = 1000

INDICATOR_COLUMNS = [
    "country_iso",
    "country",
    "indicator",
    "indicator_name",
    "value",
    "date",
    "source",
]


def indicator_rows():
    values = (
        IndicatorValue.objects.filter(country__live=True, country__locale=Locale.get_default())
        .order_by("country__iso_code", "indicator__slug", "date", "pk")
        .values_list(
            "country__iso_code",
            "country__title",
            "indicator__slug",
            "indicator__name",
            "value",
            "date",
            "source",
        )
    )
    for row in values.iterator(chunk_size=CHUNK):
        row = dict(zip(INDICATOR_COLUMNS, row, strict=True))
        row["date"] = row["date"].isoformat()
        yield row


def title_column(code):
    return f"title_{code}"


def resource_columns():
    return [
        "id",
        "url",
        "type",
        "topics",
        "audiences",
        "languages",
        "publication_date",
        "licence",
    ] + [title_column(code) for code, _name in settings.LANGUAGES]


def resource_rows(request):
    """One row per English resource; `title_<lang>` is its live translation's title, or
    empty. The titles come as subqueries, the taxonomy prefetched per chunk."""
    titles = {
        title_column(code): Subquery(
            Page.objects.live()
            .filter(translation_key=OuterRef("translation_key"), locale__language_code=code)
            .values("title")[:1]
        )
        for code, _name in settings.LANGUAGES
    }
    pages = (
        ResourcePage.objects.live()
        .filter(locale=Locale.get_default())
        .select_related("resource_type")
        .prefetch_related("topics", "audiences", "available_languages")
        .annotate(**titles)
        .order_by("pk")
    )
    for page in pages.iterator(chunk_size=CHUNK):
        yield {
            "id": page.pk,
            "url": page.get_full_url(request=request),
            "type": page.resource_type.slug,
            "topics": " ".join(t.slug for t in page.topics.all()),
            "audiences": " ".join(a.slug for a in page.audiences.all()),
            "languages": " ".join(lang.language for lang in page.available_languages.all()),
            "publication_date": page.publication_date.isoformat(),
            "licence": page.licence,
            **{column: getattr(page, column) or "" for column in titles},
        }
