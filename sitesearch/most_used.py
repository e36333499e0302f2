"""The resources shown when a search finds nothing: the most downloaded, in the
visitor's language where translated."""

from django.core.cache import cache
from django.db.models import OuterRef, Subquery, Sum

from core.i18n import with_locale_fallback
from resources.models import DownloadCount, ResourcePage

COUNT = 5
# Ranking every resource by its downloads takes a fifth of a second at 100,000
# resources; a list a few minutes old serves someone who found nothing just as well.
CACHE_SECONDS = 10 * 60


def most_used_resources(request, language_code):
    """[{title, url}] of the most downloaded resources, cached per language and host."""
    key = f"search:most-used:{language_code}:{request.get_host()}"
    listed = cache.get(key)
    if listed is None:
        listed = rank(request, language_code)
        cache.set(key, listed, CACHE_SECONDS)
    return listed


def rank(request, language_code):
    """The most downloaded resources, English pages standing in for untranslated ones,
    in one query (and the site's cached root paths)."""
    # Downloads of every language's page of the resource count together.
    downloads = (
        DownloadCount.objects.filter(page__translation_key=OuterRef("translation_key"))
        .values("page__translation_key")
        .annotate(total=Sum("count"))
        .values("total")
    )
    listed = (
        with_locale_fallback(ResourcePage.objects.live().public(), language_code)
        .annotate(downloads=Subquery(downloads))
        .filter(downloads__gt=0)
        .select_related("locale")
        .order_by("-downloads", "title")
        .defer_streamfields()[:COUNT]
    )
    return [{"title": page.title, "url": page.base_url(request)} for page in listed]
