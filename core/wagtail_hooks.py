"""The admin refuses to delete a page in use, saying why (core/deletion.py)."""

from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Page

from core.deletion import blockers, message


def refuse(request, found, parent):
    messages.error(request, message(found))
    return redirect("wagtailadmin_explore", parent.pk)


@hooks.register("before_delete_page")
def keep_page_in_use(request, page):
    found = blockers(page)
    if found:
        return refuse(request, found, page.get_parent())


@hooks.register("before_bulk_action")
def keep_pages_in_use(request, action_type, objects, action_class_instance):
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if action_type != "delete" or not pages:
        return None
    found = [item for page in pages for item in blockers(page)]
    if found:
        return refuse(request, found, pages[0].get_parent())
