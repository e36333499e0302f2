"""Template context for the countries pages, with a constant number of queries."""

from itertools import groupby

from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page

from core.i18n import url_in_language, with_locale_fallback
from countries.charts import bar_chart
from countries.choices import Status
from countries.worldmap import world_map


def listing_url(page, request, locale):
    """Like portal's `localized_url`, without its query: listings built with
    `with_locale_fallback` only hold pages of the active locale or untranslated ones."""
    if page.locale_id == locale.pk:
        return page.get_url(request=request)
    return url_in_language(page, locale.language_code, request)


def decorate_stories(stories, request):
    """Give each story `listing_url` and `country_title` (in the visitor's language where
    translated): two queries whatever the number of stories."""
    from countries.models import CountryPage

    stories = list(stories)
    locale = Locale.get_active()
    parents = {
        c.path: c
        for c in CountryPage.objects.filter(
            path__in={s.path[: -Page.steplen] for s in stories}
        ).only("path", "title", "translation_key")
    }
    titles = dict(
        CountryPage.objects.filter(
            locale=locale, translation_key__in=[c.translation_key for c in parents.values()]
        ).values_list("translation_key", "title")
    )
    for story in stories:
        parent = parents.get(story.path[: -Page.steplen])
        story.country_title = titles.get(parent.translation_key, parent.title) if parent else ""
        story.listing_url = listing_url(story, request, locale)
    return stories


def country_index_context(context, request):
    locale = Locale.get_active()
    countries = list(context["results"])
    for country in countries:
        country.listing_url = listing_url(country, request, locale)
    return {
        "results": countries,
        "world_map": world_map(countries),
        "statuses": Status.choices,
    }


def indicators(country):
    """Per indicator type, oldest first: name (in the visitor's language where
    translated), values, latest value and chart bars. Values live on the English page."""
    from countries.models import IndicatorType, IndicatorValue

    values = list(
        IndicatorValue.objects.filter(country=country.english())
        .select_related("indicator")
        .order_by("indicator__sort_order", "indicator__name", "indicator_id", "date")
    )
    names = dict(
        IndicatorType.objects.filter(
            locale=Locale.get_active(),
            translation_key__in={v.indicator.translation_key for v in values},
        ).values_list("translation_key", "name")
    )
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
    """The latest live stories of `country` in the visitor's language, with English
    stories not yet translated."""
    from countries.models import StoryPage

    english = country.english()
    stories = with_locale_fallback(
        StoryPage.objects.live().filter(
            Q(path__startswith=country.path) | Q(path__startswith=english.path)
        )
    )
    locale = Locale.get_active()
    stories = stories.defer_streamfields().select_related("locale")
    latest = list(stories.order_by("-date", "-pk")[:limit])
    for story in latest:
        story.listing_url = listing_url(story, request, locale)
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
    from core.taxonomy import Topic
    from countries.models import StoryIndexPage

    locale = Locale.get_active()
    country = story.get_parent().specific
    topics = list(story.topics.all())
    names = dict(
        Topic.objects.filter(
            locale=locale, translation_key__in=[t.translation_key for t in topics]
        ).values_list("translation_key", "name")
    )
    stories = StoryIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    return {
        "stories_url": listing_url(stories, request, locale) if stories else "",
        "country": country,
        "country_url": listing_url(country, request, locale),
        "topics": [{"slug": t.slug, "name": names.get(t.translation_key, t.name)} for t in topics],
    }
