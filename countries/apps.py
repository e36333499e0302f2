from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "countries"

    def ready(self):
        from core import freshness
        from countries import teams  # noqa: F401  (connects the post_delete receiver)
        from countries.models import IndicatorType

        freshness.watch(IndicatorType)  # names and units on country pages
