"""The open data sets, as generators of dicts read from the database in chunks.

Only publicly visible pages are published: live and under no view restriction (the
public part of `core.i18n.publicly_visible`). The locale fallback does not apply: a row
is an English page, with its translations' titles in columns of their own."""

from collections import defaultdict
from itertools import islice

from django.conf import settings
from django.db.models import OuterRef, Subquery
from wagtail.models import Locale, Page

from countries.imports.columns import COLUMNS as IMPORT_COLUMNS
from countries.models import CountryPage, IndicatorValue
from resources.models import ResourceLanguage, ResourcePage

CHUNK = 1000

# The indicator import reads the same columns, so a download can be sent back.
INDICATOR_COLUMNS = IMPORT_COLUMNS


def indicator_rows():
    countries = CountryPage.objects.live().public().filter(locale=Locale.get_default())
    values = (
        IndicatorValue.objects.filter(country__in=countries.values("pk"))
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


def translated_titles():
    """Annotations naming each language's `title_<lang>` column: the title of the page's
    public translation in that language, or None."""
    public = Page.objects.live().public()  # the restrictions looked up once, not per column
    return {
        title_column(code): Subquery(
            public.filter(
                translation_key=OuterRef("translation_key"), locale__language_code=code
            ).values("title")[:1]
        )
        for code, _name in settings.LANGUAGES
    }


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


def batched(iterable, size):
    """itertools.batched, which Python 3.11 lacks."""
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _related_slugs(through, column, lookup, ids):
    slugs = defaultdict(list)
    rows = through.objects.filter(**{f"{column}__in": ids}).order_by(lookup)
    for page_id, slug in rows.values_list(column, lookup):
        slugs[page_id].append(slug)
    return slugs


def resource_rows(request):
    """One row per public English resource; `title_<lang>` is its public translation's
    title, or empty. Rows are read as values, 1,000 at a time, each chunk's topics,
    audiences and languages in one query each: no page objects, so memory and time stay
    small."""
    titles = translated_titles()
    pages = (
        ResourcePage.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .annotate(**titles)
        .order_by("pk")
        .values("pk", "url_path", "publication_date", "licence", "resource_type__slug", *titles)
    )
    parents = {}
    for chunk in batched(pages.iterator(chunk_size=CHUNK), CHUNK):
        ids = [row["pk"] for row in chunk]
        topics = _related_slugs(ResourcePage.topics.through, "resourcepage_id", "topic__slug", ids)
        audiences = _related_slugs(
            ResourcePage.audiences.through, "resourcepage_id", "audience__slug", ids
        )
        languages = _related_slugs(ResourceLanguage, "page_id", "language", ids)
        for row in chunk:
            yield {
                "id": row["pk"],
                "url": _url(row["url_path"], parents, request),
                "type": row["resource_type__slug"],
                "topics": " ".join(topics[row["pk"]]),
                "audiences": " ".join(audiences[row["pk"]]),
                "languages": " ".join(languages[row["pk"]]),
                "publication_date": row["publication_date"].isoformat(),
                "licence": row["licence"],
                **{column: row[column] or "" for column in titles},
            }


def _url(url_path, parents, request):
    """The parent's full URL (looked up once per parent) plus the page's slug."""
    parent_path, slug = url_path.rstrip("/").rsplit("/", 1)
    parent_path += "/"
    if parent_path not in parents:
        parent = Page.objects.filter(url_path=parent_path).first()
        parents[parent_path] = parent.get_full_url(request=request) if parent else None
    base = parents[parent_path]
    return f"{base}{slug}/" if base else ""
