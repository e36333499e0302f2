"""The dashboard: what needs the editor's attention first (editorial/panels.py), Wagtail's
"Awaiting your review" kept to a constant number of queries, and no site-wide page count
for a country team member, whose count would include other countries' drafts
(countries/admin_scope.py)."""

from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from countries import admin_scope
from editorial.panels import AttentionPanels, AwaitingReviewPanel


@hooks.register("construct_homepage_panels")
def attention_panels(request, panels):
    panels[:] = [
        AwaitingReviewPanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
    panels.append(AttentionPanels())


@hooks.register("construct_homepage_summary_items", order=100)
def no_site_wide_page_count(request, items):
    if admin_scope.other_country_paths(request.user):
        items[:] = [item for item in items if not isinstance(item, PagesSummaryItem)]
