"""Pages to search, made through Wagtail's own API so the search index is updated by
its signal handlers, as it is when an editor publishes."""

from wagtail.models import Locale, Page

from home.models import HomePage


def home_in(language_code):
    return HomePage.objects.get(locale__language_code=language_code)


def add_page(language_code, title, slug=None):
    """A live plain Page under the locale's home; its title is the text searched."""
    parent = home_in(language_code)
    page = Page(
        title=title,
        slug=slug or title.lower().replace(" ", "-")[:50],
        locale=Locale.objects.get(language_code=language_code),
    )
    parent.add_child(instance=page)
    return page
