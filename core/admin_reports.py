"""Reports of our own in Wagtail's admin: a URL under /admin/reports/ and an item in the
Reports menu, registered together. Wagtail checks admin access on the URLs it is given
through `register_admin_urls`."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem


def register_report(slug, view, *, name, label, icon_name, order):
    """Serve `view` at /admin/reports/<slug>/ (URL name `name`) and list it as `label` in
    the Reports menu. Call it from an app's wagtail_hooks.py."""

    @hooks.register("register_admin_urls")
    def register_url():
        return [path(f"reports/{slug}/", view, name=name)]

    @hooks.register("register_reports_menu_item")
    def register_menu_item():
        return MenuItem(label, reverse(name), icon_name=icon_name, order=order)
