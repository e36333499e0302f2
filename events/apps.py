from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Launches, webinars and trainings: pages, calendars (.ics) and their listing."""

    name = "events"
    verbose_name = "Events"
