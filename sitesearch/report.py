"""The editors' report of search terms: the most frequent queries and the queries that
found nothing, per language, over the last days."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import endonym
from search.models import SearchQueryDay

PERIODS = (7, 30, 90)
ROWS = 25


def search_terms_report(request):
    languages = [(code, endonym(code)) for code, _name in settings.LANGUAGES]
    language = request.GET.get("language")
    if language not in dict(languages):
        language = settings.LANGUAGE_CODE
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    if days not in PERIODS:
        days = 30
    rows = SearchQueryDay.objects.filter(
        language_code=language, date__gte=timezone.now().date() - timedelta(days=days)
    ).values("query")
    totals = rows.annotate(searches=Sum("searches"), zero=Sum("zero_results"))
    return render(
        request,
        "sitesearch/report.html",
        {
            "page_title": _("Search terms"),
            "languages": languages,
            "language": language,
            "periods": PERIODS,
            "days": days,
            "frequent": totals.order_by("-searches", "query")[:ROWS],
            "zero": totals.filter(zero__gt=0).order_by("-zero", "query")[:ROWS],
        },
    )
