"""Which group and collection belong to which country (countries/teams.py keeps them)."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


class CountryTeam(models.Model):
    # The country's translation_key: one team for the English page and its translations.
    country_key = models.UUIDField(unique=True)
    group = models.OneToOneField(Group, null=True, on_delete=models.SET_NULL, related_name="+")
    collection = models.OneToOneField(
        Collection, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("country team")

    def __str__(self):
        return self.group.name if self.group else str(self.country_key)
