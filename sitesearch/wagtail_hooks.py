from django.utils.translation import gettext_lazy as _

from core.admin_reports import register_report
from sitesearch.report import search_terms_report

register_report(
    "search-terms",
    search_terms_report,
    name="search_terms_report",
    label=_("Search terms"),
    icon_name="search",
    order=900,
)
