from wagtail import hooks

from core.cdn import LISTED_ON_HOOK
from resources.models import ResourcePage


@hooks.register(LISTED_ON_HOOK)
def countries_listing(page):
    """A resource is listed on the pages of the countries it was made for."""
    if isinstance(page, ResourcePage):
        return list(page.countries.all())
    return []
