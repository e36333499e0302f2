"""Workaround: wagtail-localize offers a page's slug to translators as a string to
translate. The portal's paths must be the same in every language apart from the prefix
(docs/i18n.md): the language switcher, the fallback for untranslated pages and the
library's country filter all rely on it. So the slug is synchronised from the source
page instead. Delete this module (and its call in portal/apps.py) if wagtail-localize
gains a setting for it.
"""

from wagtail.models import get_page_models
from wagtail_localize.fields import SynchronizedField


def synchronise_slugs():
    for model in get_page_models():
        if model.__name__ == "HomePage":
            continue  # each locale's root has its own slug (home, home-fr); never in a URL
        overrides = [
            field
            for field in getattr(model, "override_translatable_fields", [])
            if field.field_name != "slug"
        ]
        model.override_translatable_fields = [*overrides, SynchronizedField("slug")]
