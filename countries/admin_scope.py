"""What a country team member may see in the admin (issue #13): their own country's pages
in every locale, shared material, and other countries' pages only as the public sees them.

- Pages: a page under another country's page (any locale, the country page included) is
  hidden unless it is public and unchanged: live, under no view restriction, with no
  unpublished edit (its draft title would differ from the public one). Pages outside
  every country (home, indexes, the library) are shared material, as Wagtail shows them.
  "Another country" is one the user holds no page permission on, at, above or below it,
  so Moderators (permissions on the country indexes), translators with permissions on a
  home page and superusers see every country.
- Images and documents: the collections Wagtail's own permissions give the user (their
  country's collection for a team member); views Wagtail leaves unchecked (the image
  chooser's format step, the admin API) are brought into line here.

The registrations are in countries/wagtail_hooks.py; docs/security.md says what proves it.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.images.views.chooser import ImageSelectFormatView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.views.report import TranslationsReportView

from countries.models import CountryPage

page_policy = PagePermissionPolicy()

# What lets a user see an image or document in the admin, as Wagtail's chooser and
# listing decide (the owner of an upload may change it).
MEDIA_ACTIONS = ["choose", "change", "delete"]


def _own(country_path, permission_paths):
    return any(
        country_path.startswith(path) or path.startswith(country_path) for path in permission_paths
    )


def other_country_paths(user):
    """Tree paths of the country pages (every locale) `user` holds no permission on."""
    if user.is_superuser:
        return []
    permission_paths = [perm.page.path for perm in page_policy.get_all_permissions_for_user(user)]
    return [
        path
        for path in CountryPage.objects.values_list("path", flat=True)
        if not _own(path, permission_paths)
    ]


def hidden_page_ids(user):
    """Ids of the pages `user` may not see. A list rather than a subquery, so that it
    also filters a search (the search backends take plain values)."""
    paths = other_country_paths(user)
    if not paths:
        return []
    public = Page.objects.live().public().filter(has_unpublished_changes=False)
    under_others = reduce(or_, (Q(path__startswith=path) for path in paths))
    return list(
        Page.objects.filter(under_others)
        .exclude(pk__in=public.values("pk"))
        .values_list("pk", flat=True)
    )


def visible_pages(queryset, user):
    hidden = hidden_page_ids(user)
    return queryset.exclude(id__in=hidden) if hidden else queryset


def may_see_page(user, page_id):
    return int(page_id) not in hidden_page_ids(user)


def visible_images(queryset, user):
    return queryset.filter(
        pk__in=image_policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS).values("pk")
    )


def visible_documents(queryset, user):
    return queryset.filter(
        pk__in=document_policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS).values(
            "pk"
        )
    )


def may_see_image(user, image):
    return image_policy.user_has_any_permission_for_instance(user, MEDIA_ACTIONS, image)


def _not_found_unless(allowed):
    if not allowed:
        raise Http404


class ScopedPagesAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's pages (the sidebar's page explorer), without other countries'
    drafts; a hidden page's detail is a 404."""

    def get_base_queryset(self):
        return visible_pages(super().get_base_queryset(), self.request.user)


class ScopedImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return visible_images(super().get_queryset(), self.request.user)


class ScopedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return visible_documents(super().get_queryset(), self.request.user)


_select_format = ImageSelectFormatView.as_view(model=get_image_model())


def select_format(request, image_id):
    """The image chooser's format step, for images the user may choose only."""
    image = get_object_or_404(get_image_model(), pk=image_id)
    _not_found_unless(image_policy.user_has_permission_for_instance(request.user, "choose", image))
    return _select_format(request, image_id=image_id)


class ScopedTranslationsReportView(TranslationsReportView):
    """wagtail-localize's translations report, without the translations of pages the
    user may not see. It is the "Every translation" tab of the translation status report,
    whose title it takes (portal/templates/wagtail_localize/admin/translations_report.html)."""

    page_title = gettext_lazy("Translation status")
    header_icon = "globe"

    def get_queryset(self):
        hidden = Page.objects.filter(id__in=hidden_page_ids(self.request.user))
        return (
            super()
            .get_queryset()
            .exclude(source__object_id__in=hidden.values("translation_key"))
            .order_by("-created_at", "-pk")  # newest first; pages of results stay stable
        )


# Views Wagtail 7.4 offers no hook for, which name or show a page given by its id: the
# page chooser's browse and chosen-multiple steps, bulk actions on pages, workflow actions
# and a task's preview. The page-types usage report names each type's last edited page,
# so it is for those who see every country.
PAGE_KWARG_VIEWS = {
    # The explorer filters a page's children (hook) but shows the page's own draft title.
    "wagtailadmin_explore": "parent_page_id",
    "wagtailadmin_explore_results": "parent_page_id",
    "wagtailadmin_choose_page_child": "parent_page_id",
    "wagtailadmin_pages:workflow_action": "page_id",
    "wagtailadmin_pages:collect_workflow_action_data": "page_id",
    "wagtailadmin_pages:workflow_preview": "page_id",
}
PAGE_IDS_VIEWS = {"wagtailadmin_choose_page_chosen_multiple", "wagtail_bulk_action"}
EVERY_COUNTRY_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}

GUARDED_VIEWS = {*PAGE_KWARG_VIEWS, *PAGE_IDS_VIEWS, *EVERY_COUNTRY_VIEWS}


def _int_ids(values):
    return [int(value) for value in values if value.isascii() and value.isdigit()]


def _refused(request, view_name, kwargs):
    user = request.user
    if view_name in PAGE_KWARG_VIEWS:
        return not may_see_page(user, kwargs[PAGE_KWARG_VIEWS[view_name]])
    if view_name in PAGE_IDS_VIEWS:
        if kwargs.get("model_name", "page") != "page":
            return False  # bulk actions on images, users...: their own permission checks
        ids = request.GET.getlist("id")
        if "all" in ids:
            # "Select all" lists a parent's children or a search over every page, with
            # the titles of those the user may not act on: not for a scoped user.
            return bool(other_country_paths(user))
        hidden = set(hidden_page_ids(user))
        return any(pk in hidden for pk in _int_ids(ids))
    if view_name in EVERY_COUNTRY_VIEWS:
        return bool(other_country_paths(user))
    return False


class AdminScopeMiddleware:
    """A 404, as for a page that does not exist, when one of those views is asked for a
    page the user may not see."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        # The view first: reading request.user reads the session, and a public page that
        # did so would vary on the cookie (and no cache could keep it).
        if match is None or match.view_name not in GUARDED_VIEWS:
            return None
        if request.user.is_authenticated:
            _not_found_unless(not _refused(request, match.view_name, view_kwargs))
        return None
