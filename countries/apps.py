from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "countries"

    def ready(self):
        from core import freshness
        from countries import teams, text_changes  # noqa: F401  (connect their receivers)
        from countries.models import IndicatorType, Target

        freshness.watch(IndicatorType, Target)  # names on country and progress pages
