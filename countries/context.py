"""Template context for the countries pages, with a constant number of queries.

The page models call this module through `from countries import context`, a module
reference, so either may be imported first."""

from itertools import groupby

from django.utils import translation
from wagtail.models import Locale, Page

from core.i18n import names_by_key, publicly_visible, url_for_visitor
from core.taxonomy import Topic
from countries.charts import bar_chart
from countries.choices import Status
from countries.models.indicators import IndicatorType
from countries.models.story_page import StoryPage
from countries.worldmap import world_map


def decorate_stories(stories, request):
    """Give each story `listing_url` and `country_title` (in the visitor's language where
    translated): two queries whatever the number of stories. A story's country is its
    parent page."""
    stories = list(stories)
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(
            path__in={story.path[: -Page.steplen] for story in stories}
        ).only("path", "title", "translation_key")
    }
    # A draft or restricted translation's title is not public: the parent's stands in.
    titles = names_by_key(
        Page.objects.live().public(), [p.translation_key for p in parents.values()]
    )
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
    values = list(
        country.english()
        .indicator_values.select_related("indicator")
        .order_by("indicator__sort_order", "indicator__name", "indicator_id", "date")
    )
    keys = {value.indicator.translation_key for value in values}
    names = names_by_key(IndicatorType.objects.all(), keys, field="name")
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
    return {
        "indicators": indicators(country),
        "stories": stories_of(country, request),
        "training_languages": languages,
    }


def story_context(story, request):
    country = story.get_parent().specific
    topics = list(story.topics.all())
    names = names_by_key(Topic.objects.all(), [t.translation_key for t in topics], field="name")
    # The stories listing, found by its table: its model imports this module.
    stories = (
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_default(), storyindexpage__isnull=False)
        .select_related("locale")
        .first()
    )
    return {
        "stories_url": url_for_visitor(stories, request) if stories else "",
        "country": country,
        "country_url": url_for_visitor(country, request),
        "topics": [{"slug": t.slug, "name": names.get(t.translation_key, t.name)} for t in topics],
    }
