"""The resource library's own taxonomies. Topics are shared: core.taxonomy.Topic."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from core.taxonomy import TaxonomyTerm, unique_slug_per_locale


@register_snippet
class ResourceType(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("resource type")
        constraints = [unique_slug_per_locale("resource_type")]


@register_snippet
class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        constraints = [unique_slug_per_locale("audience")]
