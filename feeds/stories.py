"""Latest stories from every country, or from one (its English slug, as in its URL)."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.i18n import names_by_key, publicly_visible
from countries.models import CountryPage, StoryPage
from countries.queries import english_countries
from feeds.base import ITEMS, PageFeed, as_datetime


class StoriesFeed(PageFeed):
    def get_object(self, request, country=None):
        if country is None:
            return None
        found = english_countries([country]).values_list("translation_key", "title").first()
        if found is None:
            raise Http404
        key, title = found
        title = names_by_key(CountryPage.objects.live().public(), [key]).get(key, title)
        return {"keys": [key], "title": title}

    def title(self, obj):
        if obj is None:
            return _("WHO QualityRights: latest stories")
        return _("WHO QualityRights: latest stories from %(country)s") % {"country": obj["title"]}

    def subtitle(self, obj):
        return _("What changed for people, told by the country teams.")

    def items(self, obj):
        stories = StoryPage.objects.all()
        if obj is not None:
            stories = stories.in_countries(obj["keys"])
        stories = publicly_visible(stories).defer_streamfields().select_related("locale")
        return stories.order_by("-date", "-pk")[:ITEMS]

    def item_pubdate(self, page):
        return as_datetime(page.date)
