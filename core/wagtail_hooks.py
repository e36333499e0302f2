"""The admin refuses to delete a page in use, saying why (core/deletion.py); documents
are served only once a public page uses them (core/public_media.py)."""

from django.http import Http404
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin import messages
from wagtail.documents.permissions import permission_policy as documents_policy
from wagtail.models import Page

from core.deletion import blockers, message
from core.public_media import is_public


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


@hooks.register("before_serve_document")
def serve_documents_in_public_use(document, request):
    if is_public(document):
        return None
    user = request.user
    if user.is_authenticated and documents_policy.user_has_any_permission_for_instance(
        user, ["choose", "change"], document
    ):
        return None
    raise Http404("No such document.")  # a draft's file: its existence stays private
