"""The import log: one row per file previewed, applied or not (countries/imports/)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long a preview may be confirmed: after that the values it was checked against
# may be long gone, and the file is sent again.
PREVIEW_LIFETIME = timedelta(days=1)


class IndicatorImport(models.Model):
    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Previewed, not applied")
        APPLIED = "applied", _("Applied")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    file_name = models.CharField(max_length=255)
    file_size = models.PositiveIntegerField()
    # The rows as read ([row number, *cells in countries.imports.columns order]), so the
    # confirmation plans again without the file.
    rows = models.JSONField(default=list)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREVIEWED)
    # How many rows the last plan shown counted as new, changed, unchanged and refused.
    counts = models.JSONField(default=dict)
    applied_at = models.DateTimeField(null=True, blank=True)
    # One entry per country: its page, title, new and changed values, the revision made
    # and the one it followed, and whether it was published or submitted for review.
    changes = models.JSONField(default=list)

    class Meta:
        verbose_name = _("indicator import")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self):
        return self.file_name

    @property
    def expired(self):
        return (
            self.status == self.Status.PREVIEWED
            and self.created_at < timezone.now() - PREVIEW_LIFETIME
        )
