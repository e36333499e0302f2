"""What other apps' pages show of the library. Country and story pages reach the library
through these tags, so the countries app never imports resources (docs/architecture.md)."""

from django import template
from wagtail.images.models import ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found

from resources.context import related_resources as related_for
from resources.library import LISTING_RENDITIONS
from resources.lists import resources_for_country

register = template.Library()


@register.simple_tag(takes_context=True)
def related_resources(context, page):
    """The live resources a story or a resource points to, in the visitor's language."""
    return related_for(page, context.get("request"))


@register.simple_tag(takes_context=True)
def country_resources(context, country):
    """{resources, count, library_url}: the newest resources tagged with `country`."""
    return resources_for_country(country, context.get("request"))


@register.simple_tag
def listing_image(image, **attrs):
    """A result card's cover, as `{% srcset_image %}` would render it, in the renditions
    the listings prefetch (resources.library.LISTING_RENDITIONS), so the two never part.
    The first rendition gives src, width and height; all of them the srcset."""
    if not image:
        return ""
    renditions = get_renditions_or_not_found(image, LISTING_RENDITIONS)
    return ResponsiveImage(renditions, attrs)  # renders through its __html__
