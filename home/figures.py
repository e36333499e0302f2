"""Key figures for the home page, computed from the content so they never go stale."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


def key_figures():
    """A list of {"value", "label"} dicts, in display order."""
    from home.models import HomePage
    from search.models import DocumentText

    languages = Page.objects.type(HomePage).live().values("locale").distinct().count()
    return [
        {"value": languages, "label": _("languages the portal is published in")},
        {
            "value": DocumentText.objects.filter(status=DocumentText.Status.EXTRACTED).count(),
            "label": _("PDF documents you can search inside"),
        },
    ]
