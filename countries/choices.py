"""The fixed vocabularies of the countries app: status, WHO region, objectives."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PLANNING = "planning", _("Planning")
    IMPLEMENTING = "implementing", _("Implementing")
    SCALING_UP = "scaling-up", _("Scaling up")


class Region(models.TextChoices):
    AFRICA = "afr", _("African Region")
    AMERICAS = "amr", _("Region of the Americas")
    SOUTH_EAST_ASIA = "sear", _("South-East Asia Region")
    EUROPE = "eur", _("European Region")
    EASTERN_MEDITERRANEAN = "emr", _("Eastern Mediterranean Region")
    WESTERN_PACIFIC = "wpr", _("Western Pacific Region")


# The four QualityRights objectives (shared/LANGUAGE.md). Each is a boolean field on
# StoryPage, named `advances_<key>`, so filtering is a plain column test on any database.
OBJECTIVES = {
    "capacity": _("Build capacity to combat stigma and promote human rights and recovery"),
    "participation": _(
        "Participation of people with lived experience, and support for civil society"
    ),
    "community": _("Community-based services that respect human rights"),
    "law": _("Reform of national law and policy in line with the CRPD"),
}
OBJECTIVE_SHORT = {
    "capacity": _("Build capacity"),
    "participation": _("Participation and civil society"),
    "community": _("Community-based services"),
    "law": _("Law and policy reform"),
}
