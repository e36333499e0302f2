from django import template

from feeds.links import feed_links as page_feed_links

register = template.Library()


@register.simple_tag
def feed_links(page):
    """The Atom feeds a page announces in its <head>."""
    return page_feed_links(page)
