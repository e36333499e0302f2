"""The library's facets, one row each in FACETS, declared with the core's facets
(core/facets.py): choices in the visitor's language, OR within a facet, AND across,
counted in the database or, on a search server, from the FilterField of ResourcePage
holding the same keys.

Taxonomy values are the English slugs; filters and counts go through `translation_key`
so a page tagged with an untranslated term still matches (core/taxonomy.py).
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.facets import BooleanFieldsFacet, Choice, Facet, taxonomy_choices
from core.languages import endonym
from core.taxonomy import Topic
from countries.queries import country_choices
from resources.accessibility import ACCESS_FEATURES
from resources.taxonomy import Audience, ResourceType

__all__ = ["FACETS", "taxonomy_choices"]  # taxonomy_choices: for the resource lists


def language_choices():
    return [Choice(code, endonym(code), code) for code, _name in settings.LANGUAGES]


def access_choices():
    return [Choice(slug, label, field) for slug, field, label in ACCESS_FEATURES]


RESOURCE = "resources.ResourcePage"


def indexed_as(field):
    """The ResourcePage FilterField holding a facet's keys, for a search server."""
    return ((RESOURCE, field),)


FACETS = [
    Facet(
        "type",
        _("Type"),
        "resource_type__translation_key",
        lambda: taxonomy_choices(ResourceType),
        many=False,
        index=indexed_as("type_key"),
    ),
    Facet(
        "topic",
        _("Topic"),
        "topics__translation_key",
        lambda: taxonomy_choices(Topic),
        index=indexed_as("topic_keys"),
    ),
    Facet(
        "audience",
        _("Audience"),
        "audiences__translation_key",
        lambda: taxonomy_choices(Audience),
        index=indexed_as("audience_keys"),
    ),
    Facet(
        "country",
        _("Country"),
        "countries__translation_key",
        country_choices,
        index=indexed_as("country_keys"),
    ),
    Facet(
        "language",
        _("Language"),
        "available_languages__language",
        language_choices,
        index=indexed_as("language_codes"),
    ),
    BooleanFieldsFacet("access", _("Accessibility"), access_choices, index_model=RESOURCE),
]
