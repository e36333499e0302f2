from django.urls import path, register_converter

from opendata import views


class FormatConverter:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "format")

app_name = "opendata"
urlpatterns = [
    path("indicators.<format:fmt>", views.indicators, name="indicators"),
    path("resources.<format:fmt>", views.resources, name="resources"),
    path("events.<format:fmt>", views.events_data, name="events"),
    path("targets.<format:fmt>", views.targets_data, name="targets"),
]
