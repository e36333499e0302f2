"""The home page's featured stories and resources: the editors' choice, shown in the
visitor's language (English where not translated), else the latest. A fixed number of
queries however many stories and resources there are. Only publicly visible pages are
shown: a chosen page that is unpublished or under a view restriction is skipped."""

from wagtail.models import Locale

from core.i18n import publicly_visible
from countries.context import decorate_stories
from countries.models import StoryPage
from resources.facets import taxonomy_choices
from resources.library import decorate, for_listing
from resources.lists import latest_resources
from resources.models import ResourcePage, ResourceType

LIMIT = 3


def _chosen(home, relation, field, visible):
    """The pages of `visible` chosen on this home page, in the editors' order, or, when
    it has no visible choice of its own, those chosen on the English home page."""
    homes = [home]
    english = home.get_translation_or_none(Locale.get_default())
    if english is not None and english.pk != home.pk:
        homes.append(english)
    for source in homes:
        items = getattr(source, relation).select_related(field).order_by("sort_order", "pk")
        keys = [getattr(i, field).translation_key for i in items if getattr(i, field).live]
        # Restricted choices are dropped before the limit, so they leave no gap.
        chosen = _in_chosen_order(visible.filter(translation_key__in=keys), keys) if keys else []
        if chosen:
            return chosen[:LIMIT]
    return []


def _in_chosen_order(pages, keys):
    by_key = {page.translation_key: page for page in pages}
    return [by_key[key] for key in keys if key in by_key]


def featured_stories(home, request):
    stories = publicly_visible(StoryPage.objects.all()).defer_streamfields()
    stories = stories.select_related("locale")
    chosen = _chosen(home, "featured_stories", "story", stories)
    if not chosen:
        chosen = list(stories.order_by("-date", "-pk")[:LIMIT])
    return decorate_stories(chosen, request)


def featured_resources(home, request):
    visible = for_listing(publicly_visible(ResourcePage.objects.all()))
    chosen = _chosen(home, "featured_resources", "resource", visible)
    if not chosen:
        return latest_resources(request, limit=LIMIT)
    return decorate(chosen, taxonomy_choices(ResourceType), request)
