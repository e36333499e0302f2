"""The resource page's admin form: the countries a resource is tagged with, named and
sorted in the editor's language (the admin's), as a team would look for their own."""

import unicodedata

from wagtail.admin.forms import WagtailAdminPageForm

from core.i18n import names_by_key


def sort_key(name):
    """Alphabetical whatever the accents: "Türkiye" between "Tunisia" and "Uganda"."""
    letters = unicodedata.normalize("NFKD", name)
    return "".join(c for c in letters if not unicodedata.combining(c)).casefold()


class ResourcePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("countries")
        if field is None:
            return
        pages = list(field.queryset.only("pk", "title", "translation_key"))
        model = field.queryset.model
        names = names_by_key(model.objects.live(), [page.translation_key for page in pages])
        choices = [(page.pk, names.get(page.translation_key, page.title)) for page in pages]
        field.choices = sorted(choices, key=lambda choice: sort_key(choice[1]))
