"""Key figures for the home page, computed from the content so they never go stale."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


def key_figures():
    """A list of {"value", "label"} dicts, in display order."""
    from countries.figures import countries_taking_part
    from home.models import HomePage
    from resources.featured import live_english_resource_count
    from share.figures import stories_shared_by_the_public

    languages = Page.objects.type(HomePage).live().values("locale").distinct().count()
    return [
        {"value": countries_taking_part(), "label": _("countries taking part")},
        {"value": live_english_resource_count(), "label": _("resources in the library")},
        {"value": languages, "label": _("languages the portal is published in")},
        {"value": stories_shared_by_the_public(), "label": _("stories shared by the public")},
    ]
