"""The home page's featured stories and resources: the editors' choice, shown in the
visitor's language (English where not translated), else the latest. A fixed number of
queries however many stories and resources there are. Only publicly visible pages are
shown: a chosen page that is unpublished or under a view restriction is skipped."""

from core import locales
from core.i18n import publicly_visible
from countries.context import decorate_stories
from countries.models import StoryPage
from resources.facets import taxonomy_choices
from resources.library import decorate, for_listing
from resources.lists import latest_resources
from resources.models import ResourcePage, ResourceType

LIMIT = 3


def _chosen(home, relation, field, visible, request):
    """The pages of `visible` chosen on this home page, in the editors' order, or, when
    it has no visible choice of its own, those chosen on the English home page: one
    query for the choices of both, one per home for the visible pages among them."""
    for items in _choices(home, relation, field, request):
        keys = [getattr(i, field).translation_key for i in items if getattr(i, field).live]
        # Restricted choices are dropped before the limit, so they leave no gap.
        chosen = _in_chosen_order(visible.filter(translation_key__in=keys), keys) if keys else []
        if chosen:
            return chosen[:LIMIT]
    return []


def _choices(home, relation, field, request):
    """The choices of this home page, then of the English one, found through the
    relation (no look-up of the English page itself)."""
    own = getattr(home, relation).select_related(field).order_by("sort_order", "pk")
    default = locales.default()
    if home.locale_id == default.pk:
        return [own]
    both = getattr(home, relation).model.objects.filter(
        page__translation_key=home.translation_key, page__locale_id__in=[home.locale_id, default.pk]
    )
    rows = list(both.select_related(field).order_by("sort_order", "pk"))
    english = [row for row in rows if row.page_id != home.pk]
    if getattr(request, "is_preview", False):
        return [own, english]  # the choices being edited, not the saved ones
    return [[row for row in rows if row.page_id == home.pk], english]


def _in_chosen_order(pages, keys):
    by_key = {page.translation_key: page for page in pages}
    return [by_key[key] for key in keys if key in by_key]


def featured_stories(home, request):
    stories = publicly_visible(StoryPage.objects.all()).defer_streamfields()
    stories = stories.select_related("locale")
    chosen = _chosen(home, "featured_stories", "story", stories, request)
    if not chosen:
        chosen = list(stories.order_by("-date", "-pk")[:LIMIT])
    return decorate_stories(chosen, request)


def featured_resources(home, request):
    visible = for_listing(publicly_visible(ResourcePage.objects.all()))
    chosen = _chosen(home, "featured_resources", "resource", visible, request)
    if not chosen:
        return latest_resources(request, limit=LIMIT)
    return decorate(chosen, taxonomy_choices(ResourceType), request)
