"""The resource library's own taxonomies. Topics are shared: core.taxonomy.Topic."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from core.taxonomy import TaxonomyTerm


@register_snippet
class ResourceType(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("resource type")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_resource_type_slug_per_locale"
            )
        ]


@register_snippet
class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_audience_slug_per_locale"
            )
        ]
