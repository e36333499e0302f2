"""Atom feeds in the visitor's language, English where a page is not translated."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from core import i18n

ITEMS = 20


class PageFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self, obj):
        return self.request.path

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return i18n.url_for_visitor(page, self.request)

    def item_guid(self, page):
        return page.get_full_url(request=self.request)

    def item_updateddate(self, page):
        return page.last_published_at


def as_datetime(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()))
