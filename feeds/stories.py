"""Latest stories from every country, or from one (its English slug, as in its URL)."""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.i18n import with_locale_fallback
from countries.models import CountryPage, StoryPage
from feeds.base import ITEMS, PageFeed, as_datetime


class StoriesFeed(PageFeed):
    def get_object(self, request, country=None):
        if country is None:
            return None
        paths = list(CountryPage.objects.live().filter(slug=country).values_list("path", flat=True))
        if not paths:
            raise Http404
        title = (
            with_locale_fallback(CountryPage.objects.live().filter(path__in=paths))
            .values_list("title", flat=True)
            .first()
        )
        return {"paths": paths, "title": title}

    def title(self, obj):
        if obj is None:
            return _("WHO QualityRights: latest stories")
        return _("WHO QualityRights: latest stories from %(country)s") % {"country": obj["title"]}

    def subtitle(self, obj):
        return _("What changed for people, told by the country teams.")

    def items(self, obj):
        stories = with_locale_fallback(StoryPage.objects.live())
        if obj is not None:
            match = Q(pk__in=[])
            for path in obj["paths"]:
                match |= Q(path__startswith=path)
            stories = stories.filter(match)
        stories = stories.defer_streamfields().select_related("locale")
        return stories.order_by("-date", "-pk")[:ITEMS]

    def item_pubdate(self, page):
        return as_datetime(page.date)
