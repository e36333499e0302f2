"""A read-only admin panel: how often each file of a resource was downloaded."""

from wagtail.admin.panels import Panel


class DownloadCountsPanel(Panel):
    @property
    def clean_name(self):
        return super().clean_name or "downloads"

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/download_counts_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            rows = []
            if page.pk:
                rows = list(
                    page.files.model.objects.filter(page_id=page.pk)
                    .select_related("document", "download_count")
                    .order_by("sort_order")
                )
            context["rows"] = [
                {
                    "file": row,
                    "count": getattr(getattr(row, "download_count", None), "count", 0),
                }
                for row in rows
            ]
            return context
