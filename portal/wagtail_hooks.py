from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.admin_reports import register_report
from core.cdn import PATHS_HOOK
from portal.translation_report import translation_report

register_report(
    "translation-status",
    translation_report,
    name="translation_report",
    label=_("Translation status"),
    icon_name="globe",
    order=700,
)


@hooks.register(PATHS_HOOK)
def sitemap_paths(page):
    return ["/sitemap.xml", "/sitemap-pages.xml"]
