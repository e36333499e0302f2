from django.conf import settings
from wagtail import hooks

from core.cdn import PATHS_HOOK
from countries.models import CountryPage


@hooks.register(PATHS_HOOK)
def progress_paths(page):
    """A country's values are added up on the progress page, in every language (a
    purged address drops its ?sort= and ?map= variants too). `page` is None when
    everything is purged."""
    if page is not None and not issubclass(page.specific_class or type(page), CountryPage):
        return []
    return [f"/{code}/progress/" for code, _name in settings.LANGUAGES]
