from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        from search import documents  # noqa: F401 (connects the PDF text extraction)
