"""The import log: who imported which file when, and what it changed. Moderators see
every import, a country team member their own."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from countries.imports.views import importers_only, visible_imports

PER_PAGE = 50


@importers_only
def import_log(request, access):
    imports = visible_imports(request.user, access).defer("rows")  # the rows can be megabytes
    page = Paginator(imports, PER_PAGE).get_page(request.GET.get("p"))
    return render(
        request,
        "countries/imports/log.html",
        {
            "header_title": _("Indicator imports"),
            "page_obj": page,
            "everyone": access.moderator,
        },
    )
