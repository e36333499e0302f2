"""What a subscriber has not heard of yet: stories, resources and events first published
in a window, in their countries or topics, in their language with English fallback. Only what
any visitor may see (`core.i18n.publicly_visible`): nothing under a view restriction."""

from django.db.models import Q

from core.i18n import publicly_visible
from core.taxonomy import Topic
from countries.models import StoryPage
from countries.queries import english_countries
from events.models import EventPage
from resources.models import ResourcePage


def _either(queryset, by_country, by_topic):
    """`queryset` kept to the pages of either subset: OR across countries and topics."""
    return queryset.filter(Q(pk__in=by_country.values("pk")) | Q(pk__in=by_topic.values("pk")))


def new_pages(subscription, since, until):
    """(stories, resources), newest first, each page in the subscriber's language where
    translated."""
    language = subscription.language
    countries = english_countries(subscription.countries).values("translation_key")
    topics = Topic.objects.filter(slug__in=subscription.topics).values("translation_key")

    def window(model):
        return publicly_visible(model.objects.all(), language).filter(
            first_published_at__gt=since, first_published_at__lte=until
        )

    stories = _either(
        window(StoryPage),
        StoryPage.objects.in_countries(countries),
        StoryPage.objects.with_topics(topics),
    )
    resources = _either(
        window(ResourcePage),
        ResourcePage.objects.filter(countries__translation_key__in=countries),
        ResourcePage.objects.filter(topics__translation_key__in=topics),
    )
    return (
        list(stories.select_related("locale").order_by("-first_published_at")),
        list(resources.select_related("locale").order_by("-first_published_at")),
    )


def new_events(subscription, since, until):
    """Events first published in the window that have not ended, in the subscriber's
    countries or topics, soonest first, in their language where translated."""
    countries = english_countries(subscription.countries).values("translation_key")
    topics = Topic.objects.filter(slug__in=subscription.topics).values("translation_key")
    events = publicly_visible(EventPage.objects.all(), subscription.language).filter(
        first_published_at__gt=since, first_published_at__lte=until
    )
    events = _either(
        events.upcoming(until),
        EventPage.objects.in_countries(countries),
        EventPage.objects.with_topics(topics),
    )
    return list(events.select_related("locale").order_by("start_utc", "pk"))
