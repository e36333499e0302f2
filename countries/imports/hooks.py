"""The import in the admin menu and its URLs, for Moderators and country teams only
(registered by countries/wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from countries.imports import log, template_file, views
from countries.imports.access import may_import


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


class IndicatorImportViewSet(ViewSet):
    name = views.NAME
    url_prefix = "indicator-imports"
    icon = "upload"
    menu_label = gettext_lazy("Import indicator values")
    add_to_admin_menu = True
    menu_order = 260
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.upload, name="upload"),
            path("log/", log.import_log, name="log"),
            path("template.csv", template_file.template_file, name="template"),
            path("<int:pk>/", views.detail, name="detail"),
            path("<int:pk>/confirm/", views.confirm, name="confirm"),
        ]

    @property
    def menu_url(self):
        return reverse(f"{views.NAME}:upload")


@hooks.register("register_admin_viewset")
def register_import_viewset():
    return IndicatorImportViewSet()
