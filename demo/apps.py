from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Sample content for `make demo`, the tests and the benchmarks: `manage.py load_demo`.
    Nothing else in the portal imports it."""

    name = "demo"
    verbose_name = "Demo content"
