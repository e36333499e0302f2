"""What a subscriber has not heard of yet: stories and resources first published in a
window, in their countries or topics, in their language with English fallback."""

from django.db.models import Q
from wagtail.models import Locale

from core.i18n import with_locale_fallback
from core.taxonomy import Topic
from countries.models import CountryPage, StoryPage
from resources.models import ResourcePage


def _matching(queryset, subscription, country_condition, topic_lookup):
    topics = Topic.objects.filter(slug__in=subscription.topics).values("translation_key")
    condition = Q(pk__in=[])
    if subscription.countries:
        condition |= country_condition
    if subscription.topics:
        condition |= Q(**{f"{topic_lookup}__translation_key__in": topics})
    return queryset.filter(pk__in=queryset.model.objects.filter(condition).values("pk"))


def new_pages(subscription, since, until):
    """(stories, resources), newest first, each page in the subscriber's language where
    translated."""
    language = subscription.language
    english = CountryPage.objects.filter(
        locale=Locale.get_default(), slug__in=subscription.countries
    )
    paths = Q(pk__in=[])
    for path in english.values_list("path", flat=True):
        # Translated stories live under the translated country page, whose path differs.
        paths |= Q(path__startswith=path)
    for translation in CountryPage.objects.filter(
        translation_key__in=english.values("translation_key")
    ).values_list("path", flat=True):
        paths |= Q(path__startswith=translation)

    def window(model):
        return with_locale_fallback(model.objects.live(), language).filter(
            first_published_at__gt=since, first_published_at__lte=until
        )

    stories = _matching(window(StoryPage), subscription, paths, "topics")
    resources = _matching(
        window(ResourcePage),
        subscription,
        Q(countries__translation_key__in=english.values("translation_key")),
        "topics",
    )
    return (
        list(stories.select_related("locale").order_by("-first_published_at")),
        list(resources.select_related("locale").order_by("-first_published_at")),
    )
