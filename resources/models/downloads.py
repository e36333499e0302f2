"""Download counts per file, and their running total per resource. Only numbers are
stored: no address, no time, no user."""

from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from core import freshness


def _increment(model, lookup, field, create):
    """Add one to `field` of the row matching `lookup`, making the row (at 1) the first
    time. The addition runs in the database (F()), so two downloads at once both count."""
    if model.objects.filter(**lookup).update(**{field: F(field) + 1}):
        return
    _, created = model.objects.get_or_create(**lookup, defaults={**create, field: 1})
    if not created:  # another request created it in between
        model.objects.filter(**lookup).update(**{field: F(field) + 1})


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
        """One download of `file`: its count and its resource's total move together."""
        with transaction.atomic():
            _increment(cls, {"file": file}, "count", {"page_id": file.page_id})
            _increment(ResourceDownloadTotal, {"page_id": file.page_id}, "total", {})
            # Only the "most downloaded" order changes: not every cached page.
            freshness.changed(freshness.DOWNLOADS)


class ResourceDownloadTotal(models.Model):
    """The sum of a resource's download counts, kept as it grows so that "most
    downloaded" sorts on one indexed column instead of summing every count per resource
    (1.2 s at 100,000 resources on PostgreSQL). Outside the page, as the counts are.

    Every resource has a row (0 until its first download: made when the page is
    created, `add_missing()` for pages inserted in bulk), so the sort is an inner join
    the database reads in index order and stops after one page of results."""

    page = models.OneToOneField(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="download_total",
    )
    total = models.PositiveBigIntegerField(_("downloads"), default=0)

    class Meta:
        indexes = [models.Index(fields=["-total", "page"], name="resources_download_total")]

    def __str__(self):
        return f"{self.page_id}: {self.total}"

    @classmethod
    def add_missing(cls):
        """A row at 0 for every resource without one (pages inserted in bulk, which
        sends no signal): one INSERT ... SELECT."""
        from resources.models.resource_page import ResourcePage

        missing = ResourcePage.objects.filter(download_total__isnull=True).values_list(
            "pk", flat=True
        )
        cls.objects.bulk_create((cls(page_id=pk) for pk in missing.iterator()), batch_size=5000)


def _page_created(instance, created, raw=False, **kwargs):
    if created and not raw:  # a new page, a copy, a translation or an alias
        ResourceDownloadTotal.objects.get_or_create(page_id=instance.pk)


post_save.connect(_page_created, sender="resources.ResourcePage", dispatch_uid="download-total")
