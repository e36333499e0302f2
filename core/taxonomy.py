"""The topic taxonomy shared by stories (countries app) and resources.

Topics are translatable snippets. Filters and facets use the slug of the English term
and match on `translation_key`, so a page tagged before a term was translated still
matches (docs/i18n.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet


def unique_slug_per_locale(term):
    """The constraint each taxonomy declares in its Meta: one `slug` per locale, the
    constraint named after the term (`unique_<term>_slug_per_locale`, as migrated)."""
    return models.UniqueConstraint(fields=["locale", "slug"], name=f"unique_{term}_slug_per_locale")


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A translatable term with a slug that stays the same in every language."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in web addresses and filters. Keep it the same in every language."),
    )
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Topic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        # Created by the `portal` app before the shared core had its own app; the table
        # keeps its name so no row moves (core/migrations/0001_initial.py).
        db_table = "portal_topic"
        verbose_name = _("topic")
        constraints = [unique_slug_per_locale("topic")]
