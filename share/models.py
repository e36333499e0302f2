"""A story sent by a member of the public, waiting for the country team."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model_string

from share.choices import CLOSED, Role, Status
from share.storage import private_storage


class Submission(models.Model):
    what_happened = models.TextField(_("what happened"))
    # Always the English country page: one queue per country, whatever the language.
    country = models.ForeignKey(
        "countries.CountryPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    image = models.FileField(upload_to="share/%Y/%m/", storage=private_storage, blank=True)
    consent_publish = models.BooleanField(_("may publish the story"), default=False)
    publish_with_name = models.BooleanField(_("may publish the name"), default=False)
    consent_contact = models.BooleanField(_("may be contacted"), default=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default="new")
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    withdrawal_requested_at = models.DateTimeField(null=True, blank=True)
    story_page = models.ForeignKey(
        "countries.StoryPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The Wagtail image copied from `image` for the story: deleted on withdrawal.
    story_image = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("shared experience")
        verbose_name_plural = _("shared experiences")
        ordering = ["-created_at"]

    def __str__(self):
        # Log entries keep this label after deletion: never the sharer's name.
        return _("Submission %(number)s") % {"number": self.pk}

    @property
    def is_closed(self):
        return self.status in CLOSED

    def set_status(self, status):
        self.status = status
        self.closed_at = timezone.now() if status in CLOSED else None
