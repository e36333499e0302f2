"""The home page's featured stories and resources: the editors' choice, shown in the
visitor's language (English where not translated), else the latest. A fixed number of
queries however many stories and resources there are."""

from wagtail.models import Locale

from core.i18n import with_locale_fallback
from countries.context import decorate_stories
from countries.models import StoryPage
from resources.facets import taxonomy_choices
from resources.library import decorate, for_listing
from resources.lists import latest_resources
from resources.models import ResourcePage, ResourceType

LIMIT = 3


def _chosen_keys(home, relation, field):
    """Translation keys of the live pages chosen on this home page, or, when it has no
    choice of its own, on the English home page."""
    homes = [home]
    english = home.get_translation_or_none(Locale.get_default())
    if english is not None and english.pk != home.pk:
        homes.append(english)
    for source in homes:
        items = getattr(source, relation).select_related(field).order_by("sort_order", "pk")
        keys = [getattr(i, field).translation_key for i in items if getattr(i, field).live]
        if keys:
            return keys[:LIMIT]
    return []


def _in_chosen_order(pages, keys):
    by_key = {page.translation_key: page for page in pages}
    return [by_key[key] for key in keys if key in by_key]


def featured_stories(home, request):
    stories = with_locale_fallback(StoryPage.objects.live()).defer_streamfields()
    stories = stories.select_related("locale")
    keys = _chosen_keys(home, "featured_stories", "story")
    if keys:
        chosen = _in_chosen_order(stories.filter(translation_key__in=keys), keys)
    else:
        chosen = list(stories.order_by("-date", "-pk")[:LIMIT])
    return decorate_stories(chosen, request)


def featured_resources(home, request):
    keys = _chosen_keys(home, "featured_resources", "resource")
    if not keys:
        return latest_resources(request, limit=LIMIT)
    resources = for_listing(
        with_locale_fallback(ResourcePage.objects.live()).filter(translation_key__in=keys)
    )
    return decorate(_in_chosen_order(resources, keys), taxonomy_choices(ResourceType), request)
