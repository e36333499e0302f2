from django.conf import settings
from wagtail import hooks

from core.cdn import PATHS_HOOK


@hooks.register(PATHS_HOOK)
def feed_paths(page):
    """Every feed in every language (a trailing * purges the addresses under it)."""
    return [f"/{code}/feeds/*" for code, _name in settings.LANGUAGES]
