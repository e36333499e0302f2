"""New resources in the library: all, or of one type or topic (the library's slugs)."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.i18n import publicly_visible
from feeds.base import ITEMS, PageFeed, as_datetime
from resources.facets import FACETS
from resources.models import ResourcePage


class ResourcesFeed(PageFeed):
    def get_object(self, request, facet=None, slug=None):
        if facet is None:
            return None
        chosen = next(f for f in FACETS if f.name == facet)
        choice = next((c for c in chosen.load_choices() if c.slug == slug), None)
        if choice is None:
            raise Http404
        return {"facet": chosen, "choice": choice}

    def title(self, obj):
        if obj is None:
            return _("WHO QualityRights: new resources")
        return _("WHO QualityRights: new resources, %(label)s") % {"label": obj["choice"].label}

    def subtitle(self, obj):
        return _("Guidance, training and tools added to the resource library.")

    def items(self, obj):
        resources = publicly_visible(ResourcePage.objects.all())
        if obj is not None:
            resources = obj["facet"].filter(resources, [obj["choice"].key])
        resources = resources.select_related("locale")
        return resources.order_by("-first_published_at", "-pk")[:ITEMS]

    def item_pubdate(self, page):
        return page.first_published_at or as_datetime(page.publication_date)
