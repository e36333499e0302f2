from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.admin_reports import register_report
from core.cdn import PATHS_HOOK
from portal import wagtail_localize_review  # noqa: F401  (registers its hooks)
from portal.translation_report import translation_report

register_report(
    "translation-status",
    translation_report,
    name="translation_report",
    label=_("Translation status"),
    icon_name="globe",
    order=700,
)

# Reports with an item of their own elsewhere: wagtail-localize's list of translations is
# a tab of "Translation status"; Wagtail's "Search terms" counts only what the portal does
# not record (promoted results' hits), beside the portal's own "Search terms" report.
MERGED_REPORTS = ["wagtail_localize:translations_report", "wagtailsearchpromotions:search_terms"]


@hooks.register("construct_reports_menu")
def one_item_per_report(request, menu_items):
    merged = {reverse(name) for name in MERGED_REPORTS}
    menu_items[:] = [item for item in menu_items if item.url not in merged]


@hooks.register(PATHS_HOOK)
def sitemap_paths(page):
    return ["/sitemap.xml", "/sitemap-pages.xml"]
