from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "countries"

    def ready(self):
        from countries import teams  # noqa: F401  (connects the post_delete receiver)
