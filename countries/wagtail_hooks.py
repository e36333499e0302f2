"""What keeps a country page from being deleted (core/deletion.py): its team's members
would lose their access, and its indicator values would go with it. And what a country
team member may see of other countries in the admin (countries/admin_scope.py)."""

from django.http import Http404
from django.urls import path
from django.utils.translation import ngettext
from wagtail import hooks

from core.cdn import LISTED_ON_HOOK
from countries import admin_scope, moderation
from countries.models import CountryPage, CountryTeam, StoryIndexPage, StoryPage


@hooks.register("page_deletion_blockers")
def country_in_use(page):
    if not isinstance(page, CountryPage):
        return []
    reasons = []
    values = page.indicator_values.count()
    if values:
        reasons.append(
            ngettext("It has %(n)d indicator value.", "It has %(n)d indicator values.", values)
            % {"n": values}
        )
    team = CountryTeam.objects.filter(country_key=page.translation_key).first()
    members = team.group.user_set.count() if team and team.group else 0
    if members and page.english().pk == page.pk:
        reasons.append(
            ngettext(
                "%(n)d person works in its country team.",
                "%(n)d people work in its country team.",
                members,
            )
            % {"n": members}
        )
    return reasons


# A moderator opening a page waiting for review is told what to compare it with.
hooks.register("before_edit_page", moderation.review_notice)


# What a country team member may see of other countries (countries/admin_scope.py; the
# views with no hook are guarded by its AdminScopeMiddleware).
@hooks.register("construct_page_chooser_queryset")
def chooser_pages(pages, request):
    return admin_scope.visible_pages(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_pages(parent_page, pages, request):
    return admin_scope.visible_pages(pages, request.user)


@hooks.register("before_move_page")
def refuse_moving_hidden_pages(request, page_to_move, destination):
    # The confirmation page names the page before Wagtail checks the move is allowed.
    if not admin_scope.may_see_page(request.user, page_to_move.pk):
        raise Http404


@hooks.register("construct_admin_api", order=100)
def scoped_admin_api(router):
    # After Wagtail's own endpoints of the same names (order), which these replace.
    router.register_endpoint("pages", admin_scope.ScopedPagesAPIViewSet)
    router.register_endpoint("images", admin_scope.ScopedImagesAPIViewSet)
    router.register_endpoint("documents", admin_scope.ScopedDocumentsAPIViewSet)


@hooks.register("register_admin_urls", order=-100)
def scoped_views():
    # Ahead of the URLs Wagtail's images app and wagtail-localize register for the same
    # paths, which answer with any object whatever the user's permissions.
    return [
        path(
            "images/chooser/<int:image_id>/select_format/",
            admin_scope.select_format,
            name="scoped_image_select_format",
        ),
        path(
            "localize/reports/translations/",
            admin_scope.ScopedTranslationsReportView.as_view(),
            name="scoped_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            admin_scope.ScopedTranslationsReportView.as_view(results_only=True),
            name="scoped_translations_report_results",
        ),
    ]


@hooks.register(LISTED_ON_HOOK)
def stories_listing(page):
    """A story lives under its country page and is listed on the stories page too."""
    if isinstance(page, StoryPage):
        return list(StoryIndexPage.objects.all())
    return []


# The indicator import: its admin menu item and views.
from countries.imports import hooks as import_hooks  # noqa: E402, F401
