"""Key figures for the home page, computed from the content so they never go stale."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


def key_figures():
    """A list of {"value", "label"} dicts, in display order."""
    from home.models import HomePage

    languages = Page.objects.type(HomePage).live().values("locale").distinct().count()
    from resources.featured import live_english_resource_count

    return [
        {"value": languages, "label": _("languages the portal is published in")},
        {"value": live_english_resource_count(), "label": _("resources in the library")},
    ]
