"""The editors' translation report in the admin (Reports → Translation status), with
CSV export. `?locale=fr` lists the French pages that are missing or out of date."""

import csv

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from core.languages import endonym
from countries import admin_scope, translation_status
from countries.models import CountryPage, CountryTeam

SUMMARY_COLUMNS = ["language", "page_type", "total", "translated", "out_of_date", "missing"]


# The largest id a page can have on PostgreSQL (a 32-bit serial column); beyond it the
# database raises an error instead of finding nothing.
MAX_PAGE_ID = 2**31 - 1


class BadSection(ValueError):
    pass


def _section(request):
    """Restrict to one section of the English tree (e.g. a country), by page id. A page
    the user may not see in the admin (another country's draft) is a 404 like a missing
    one, so the report tells nothing of it."""
    section_id = request.GET.get("section", "")
    if not section_id:
        return None
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    if not (section_id.isascii() and section_id.isdigit()) or int(section_id) > MAX_PAGE_ID:
        raise BadSection(section_id)
    page = get_object_or_404(Page, pk=int(section_id))
    if not admin_scope.may_see_page(request.user, page.pk):
        raise Http404
    return page


def _own_country(user):
    """A country team member's country page, so the report opens on their own work."""
    if user.is_superuser:
        return None
    keys = CountryTeam.objects.filter(group__in=user.groups.all()).values("country_key")
    return CountryPage.objects.filter(
        translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
    ).first()


def _countries(user):
    countries = CountryPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return admin_scope.visible_pages(countries, user).order_by("title")


def translation_report(request):
    # Registered through `register_admin_urls`, so Wagtail checks admin access.
    try:
        section = _section(request)
    except BadSection:
        return HttpResponseBadRequest(
            _("“section” must be the number of a page, as the country menu gives it."),
            content_type="text/plain; charset=utf-8",
        )
    if section is None and "section" not in request.GET:
        section = _own_country(request.user)
    code = request.GET.get("locale")
    if code:
        locale = get_object_or_404(Locale, language_code=code)
        return _locale_detail(request, locale, section)

    rows = translation_status.summary(section)
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
        writer = csv.writer(response)
        writer.writerow(SUMMARY_COLUMNS)
        for row in rows:
            writer.writerow(
                [row["locale"].language_code, row["page_type"]]
                + [row[key] for key in SUMMARY_COLUMNS[2:]]
            )
        return response
    for row in rows:
        row["language"] = endonym(row["locale"].language_code)
    return render(
        request,
        "portal/admin/translation_report.html",
        {
            "rows": rows,
            "section": section,
            "countries": _countries(request.user),
            "header_title": _("Translation status"),
        },
    )


def _locale_detail(request, locale, section):
    user = request.user
    missing = admin_scope.visible_pages(translation_status.missing_pages(locale, section), user)
    missing = missing.specific(defer=True)
    out_of_date = admin_scope.visible_pages(
        translation_status.out_of_date_pages(locale, section), user
    )
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"translation-status-{locale.language_code}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow(["status", "page_id", "title", "url_path"])
        for status, pages in (("missing", missing), ("out_of_date", out_of_date)):
            for page in pages.iterator():
                writer.writerow([status, page.pk, page.title, page.url_path])
        return response
    return render(
        request,
        "portal/admin/translation_locale.html",
        {
            "locale": locale,
            "language": endonym(locale.language_code),
            "missing": missing[:500],
            "missing_count": missing.count(),
            "out_of_date": out_of_date[:500],
            "section": section,
            "header_title": _("Translation status"),
        },
    )
