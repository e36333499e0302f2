"""Download counts per file. Only a number is stored: no address, no time, no user."""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class DownloadCount(models.Model):
    # Kept outside the page and its files so that publishing a revision, which rewrites
    # both from the revision's copy, never resets a count.
    file = models.OneToOneField(
        "resources.ResourceFile", on_delete=models.CASCADE, related_name="download_count"
    )
    page = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="download_counts"
    )
    count = models.PositiveBigIntegerField(_("downloads"), default=0)

    def __str__(self):
        return f"{self.file}: {self.count}"

    @classmethod
    def record(cls, file):
        updated = cls.objects.filter(file=file).update(count=F("count") + 1)
        if not updated:
            _, created = cls.objects.get_or_create(
                file=file, defaults={"page_id": file.page_id, "count": 1}
            )
            if not created:  # another request created it in between
                cls.objects.filter(file=file).update(count=F("count") + 1)
