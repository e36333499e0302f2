"""Template context for the countries pages, with a constant number of queries.

The page models call this module through `from countries import context`, a module
reference, so either may be imported first."""

from itertools import groupby

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from core import fragments, locales, visibility
from core.facets import taxonomy_choices
from core.i18n import active_language, publicly_visible, url_for_visitor
from core.taxonomy import Topic
from countries import figures
from countries.charts import bar_chart
from countries.choices import Status
from countries.models.indicators import IndicatorType, IndicatorValue
from countries.models.story_page import StoryPage
from countries.worldmap import world_map


def decorate_stories(stories, request):
    """Give each story `listing_url` and `country_title` (in the visitor's language where
    translated): one query whatever the number of stories. A story's country is its
    parent page."""
    stories = list(stories)
    if not stories:
        return stories
    language = active_language()
    paths = {story.path[: -Page.steplen] for story in stories}
    fields = ("path", "title", "translation_key", "locale_id", "live")
    parents_only = Page.objects.filter(path__in=paths)
    translations = Page.objects.filter(
        translation_key__in=parents_only.values("translation_key"),
        locale__in=[locales.for_language(language).pk],
        live=True,
    )
    # One query: the parents, and their translations in the visitor's language. A union
    # of two index look-ups: as one filter with OR, PostgreSQL read the whole page table
    # (9-13 ms at 10,000 resources, growing with the library).
    rows = parents_only.only(*fields).order_by().union(translations.only(*fields).order_by())
    parents, titles = {}, {}
    for row in rows:
        if row.path in paths:
            parents[row.path] = row
        # A draft or restricted translation's title is not public: the parent's stands in.
        if row.live and locales.language_of(row) == language and visibility.is_public(row):
            titles[row.translation_key] = row.title
    for story in stories:
        parent = parents.get(story.path[: -Page.steplen])
        story.country_title = titles.get(parent.translation_key, parent.title) if parent else ""
        story.listing_url = url_for_visitor(story, request)
    return stories


def country_index_context(context, request):
    countries = list(context["results"])
    for country in countries:
        country.listing_url = url_for_visitor(country, request)
    return {
        "results": countries,
        "world_map": world_map(countries),
        "statuses": Status.choices,
    }


def indicators(country):
    """Per indicator type, oldest first: name (in the visitor's language where
    translated), values, latest value and chart bars. Values live on the English page."""
    if locales.language_of(country) == settings.LANGUAGE_CODE:
        own = country.indicator_values  # in a preview, the values being edited
    else:  # the English page's while it is public, without loading that page first
        english = Page.objects.live().filter(
            translation_key=country.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        own = IndicatorValue.objects.filter(country__in=visibility.public(english).values("pk"))
    values = list(
        own.select_related("indicator").order_by(
            "indicator__sort_order", "indicator__name", "indicator_id", "date"
        )
    )
    # The cached term list (core/fragments.py): names in the visitor's language.
    names = {choice.key: choice.label for choice in taxonomy_choices(IndicatorType)}
    result = []
    for indicator, series in groupby(values, key=lambda v: v.indicator):
        series = list(series)
        result.append(
            {
                "slug": indicator.slug,
                "name": names.get(indicator.translation_key, indicator.name),
                "values": series,
                "latest": series[-1],
                "bars": bar_chart([v.value for v in series]),
            }
        )
    return result


def add_shares(country, indicators):
    """Give each indicator the country's `share` of the total over all countries
    (countries/figures.py): {"value", "total", "ratio"}, e.g. 13,521 of 69,800. The
    total counts this page's own values, so a preview shows the values being edited. A
    country that is not counted (not public) gets no share."""
    found = figures.figures()
    english_id = found.by_key.get(country.translation_key)
    if english_id is None:
        return
    totals, published = found.totals(), found.of_country(english_id)
    for indicator in indicators:
        latest = indicator["latest"]
        total = totals.get(latest.indicator_id)
        before = published.get(latest.indicator_id)
        if not latest.indicator.cumulative:
            # A count per period is a share of the same period's total only.
            if total and latest.date != total.as_of:
                continue
            if before and total and before.date != total.as_of:
                before = None  # not in the total
        overall = (total.total if total else 0) - (before.value if before else 0) + latest.value
        indicator["share"] = {
            "value": latest.value,
            "total": overall,
            "ratio": latest.value / overall if overall else None,
        }


def stories_of(country, request, limit=3):
    """The latest publicly visible stories of `country` (published under it in any
    language) in the visitor's language, with English stories not yet translated."""
    stories = publicly_visible(StoryPage.objects.in_countries([country.translation_key]))
    stories = stories.defer_streamfields().select_related("locale")
    latest = list(stories.order_by("-date", "-pk")[:limit])
    for story in latest:
        story.listing_url = url_for_visitor(story, request)
    return latest


def country_context(country, request):
    languages = []
    for item in country.training_languages.all():
        try:
            info = translation.get_language_info(item.language)
        except KeyError:
            info = {"name_local": item.get_language_display(), "code": item.language}
        languages.append({"code": item.language, "name": info["name_local"]})
    shown = indicators(country)
    add_shares(country, shown)
    return {
        "indicators": shown,
        "stories": stories_of(country, request),
        "training_languages": languages,
    }


def story_context(story, request):
    country = story.get_parent().specific
    topics = list(story.topics.all())
    # The cached term list (core/fragments.py): names in the visitor's language.
    names = {choice.key: choice.label for choice in taxonomy_choices(Topic)}
    return {
        "stories_url": stories_url(request),
        "country": country,
        "country_url": url_for_visitor(country, request),
        "topics": [{"slug": t.slug, "name": names.get(t.translation_key, t.name)} for t in topics],
    }


def stories_url(request):
    """The stories listing's URL for the visitor ("" when it is not public), the same
    for everyone until public content changes (core/fragments.py)."""

    def find():
        # Found by its table: its model imports this module.
        stories = (
            visibility.public(Page.objects.live())
            .filter(locale__language_code=settings.LANGUAGE_CODE, storyindexpage__isnull=False)
            .first()
        )
        return url_for_visitor(stories, request) if stories else ""

    site = Site.find_for_request(request) if request else None
    return fragments.cached("stories-url", find, active_language(), site and site.pk)
