"""/<lang>/progress/: the countries' numbers added up, over time, by country and WHO
region, on a map, and against the targets. Cached by the page cache (core/page_cache.py)
until public content changes; a sort or map value the page does not know is ignored
with a message, and that answer is not kept."""

import datetime

from django.conf import settings
from django.shortcuts import render
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_safe

from core import page_cache
from core.i18n import view_translations
from countries.figures import figures
from progress import table
from progress.context import progress_context

UNKNOWN_SORT = gettext_noop(
    "We could not sort the table as the link asked, so it is sorted by country."
)
UNKNOWN_MAP = gettext_noop(
    "We do not know the indicator the link asked the map to show, so it shows the first one."
)


def seconds_until_tomorrow():
    now = timezone.localtime()
    tomorrow = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time.min, tzinfo=now.tzinfo
    )
    return (tomorrow - now).total_seconds()


@require_safe
def progress(request):
    found = figures()
    kinds = found.reported()
    notices = []
    sort = table.parse_sort(request.GET.get("sort") or table.DEFAULT_SORT, kinds)
    if sort is None:
        notices.append(_(UNKNOWN_SORT))
        sort = (table.DEFAULT_SORT, False)
    map_kind = kinds[0] if kinds else None
    if request.GET.get("map"):
        chosen = next((kind for kind in kinds if kind.slug == request.GET["map"]), None)
        if chosen is None:
            notices.append(_(UNKNOWN_MAP))
        map_kind = chosen or map_kind
    if notices:
        # As in core/listing.py: a made-up value makes no cached page.
        page_cache.expire_within(request, 0)
    today = timezone.localdate()
    context = progress_context(request, found, sort, map_kind, today)
    if any(target["deadline_state"] == "open" for target in context["targets"]):
        # "Deadline passed" must appear the day after the deadline, publish or not.
        page_cache.expire_within(request, seconds_until_tomorrow())
    context.update(
        notices=notices,
        language_links=view_translations(request),
        # Every sort and map shows the same numbers: search engines index the plain page.
        canonical=request.build_absolute_uri(request.path),
        alternates=[
            {"code": code, "url": request.build_absolute_uri(translate_url(request.path, code))}
            for code, _name in settings.LANGUAGES
        ],
    )
    return render(request, "progress/progress.html", context)
