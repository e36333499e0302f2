"""Which feeds a page announces with <link rel="alternate" type="application/atom+xml">."""

from django.urls import reverse
from django.utils.translation import gettext as _


def feed_links(page):
    kind = type(page).__name__  # pages render as their specific class
    stories = (_("Latest stories"), reverse("feeds:stories"))
    resources = (_("New resources"), reverse("feeds:resources"))
    if kind == "HomePage":
        return [stories, resources]
    if kind == "StoryIndexPage":
        return [stories]
    if kind == "ResourceIndexPage":
        return [resources]
    if kind == "EventIndexPage":
        return [(_("Upcoming events"), reverse("feeds:events"))]
    if kind == "CountryPage":
        title = _("Latest stories from %(country)s") % {"country": page.title}
        return [(title, reverse("feeds:country_stories", args=[page.slug]))]
    return []
