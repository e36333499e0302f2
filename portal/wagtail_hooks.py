from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.translation_report import translation_report


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [path("reports/translation-status/", translation_report, name="translation_report")]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Translation status"), reverse("translation_report"), icon_name="globe", order=700
    )
