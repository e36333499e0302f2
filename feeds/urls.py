from django.urls import path

from feeds.events import EventsFeed
from feeds.resources import ResourcesFeed
from feeds.stories import StoriesFeed


def view(feed_class):
    """A new feed object per request: feeds keep the request for their item links."""

    def feed_view(request, **kwargs):
        return feed_class()(request, **kwargs)

    return feed_view


app_name = "feeds"
urlpatterns = [
    path("stories/", view(StoriesFeed), name="stories"),
    path("stories/<slug:country>/", view(StoriesFeed), name="country_stories"),
    path("resources/", view(ResourcesFeed), name="resources"),
    path("events/", view(EventsFeed), name="events"),
    path("resources/type/<slug:slug>/", view(ResourcesFeed), {"facet": "type"}, name="by_type"),
    path("resources/topic/<slug:slug>/", view(ResourcesFeed), {"facet": "topic"}, name="by_topic"),
]
