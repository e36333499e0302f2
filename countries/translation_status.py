"""How far each language has got: per locale and page type, how many English pages are
translated, how many translations are out of date, and which are missing.

A translation is out of date when its English source's text was published after it (a
country page whose numbers alone changed keeps its translations up to date:
countries/text_changes.py). Aliases
(English content in another tree) count as missing. Everything is counted in the
database, so the report stays fast with 100,000 resources.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Locale, Page


def source_pages(section=None):
    """The live English pages that should exist in every language."""
    pages = Page.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, depth__gt=1, alias_of__isnull=True
    )
    if section is not None:
        pages = pages.descendant_of(section, inclusive=True)
    return pages


def translations_of(sources):
    source_published = (
        Page.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .annotate(text_at=Coalesce("countrypage__text_record__published_at", "last_published_at"))
        .values("text_at")[:1]
    )
    return (
        Page.objects.live()
        .filter(translation_key__in=sources.values("translation_key"), alias_of__isnull=True)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .annotate(source_published_at=Subquery(source_published))
    )


def summary(section=None):
    """One row per (locale, page type): total, translated, out_of_date, missing."""
    sources = source_pages(section)
    totals = dict(
        sources.order_by()
        .values("content_type")
        .annotate(n=Count("id"))
        .values_list("content_type", "n")
    )
    counts = {
        (row["locale"], row["content_type"]): row
        for row in translations_of(sources)
        .order_by()
        .values("locale", "content_type")
        .annotate(
            translated=Count("id"),
            out_of_date=Count("id", filter=Q(last_published_at__lt=F("source_published_at"))),
        )
    }
    types = ContentType.objects.in_bulk(list(totals))
    rows = []
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by(
        "language_code"
    ):
        for type_id, total in sorted(totals.items()):
            found = counts.get((locale.pk, type_id), {})
            translated = found.get("translated", 0)
            rows.append(
                {
                    "locale": locale,
                    "page_type": types[type_id].model_class()._meta.verbose_name,
                    "total": total,
                    "translated": translated,
                    "out_of_date": found.get("out_of_date", 0),
                    "missing": total - translated,
                }
            )
    return rows


def missing_pages(locale, section=None):
    """English pages with no live translation in `locale`."""
    translated = Page.objects.live().filter(locale=locale, alias_of__isnull=True)
    return (
        source_pages(section)
        .exclude(translation_key__in=translated.values("translation_key"))
        .order_by("path")
    )


def out_of_date_pages(locale, section=None):
    return (
        translations_of(source_pages(section))
        .filter(locale=locale, last_published_at__lt=F("source_published_at"))
        .order_by("path")
    )
