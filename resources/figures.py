"""The library's figure for the home page."""

from resources.models import ResourcePage


def live_english_resource_count():
    return ResourcePage.objects.live().filter(locale__language_code="en").count()
