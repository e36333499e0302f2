from django.utils.translation import gettext_lazy as _

from core.admin_reports import register_report
from portal.translation_report import translation_report

register_report(
    "translation-status",
    translation_report,
    name="translation_report",
    label=_("Translation status"),
    icon_name="globe",
    order=700,
)
