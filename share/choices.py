from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LIVED_EXPERIENCE = "lived-experience", _("A person with lived experience")
    FAMILY = "family", _("A family member or supporter")
    PROVIDER = "provider", _("Someone who provides services")
    ORGANISATION = "organisation", _("Someone from an organisation")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in-review", _("In review")
    CONVERTED = "converted", _("Converted to story")
    DECLINED = "declined", _("Declined")


CLOSED = {Status.CONVERTED, Status.DECLINED}
