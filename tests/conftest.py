"""Fixtures shared by every test module: the portal's page tree and the browser."""

import io
import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made
# from the same thread between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = [
    "tests.support.browser",
    "tests.support.resources",
    "tests.support.s3",
    "tests.support.share",
]


def build_base_tree():
    """The 19 locales, the topics, the English home as the default site's root and a
    published home in every other locale: the base every app's demo builds on.
    Returns the English home; cheap when the tree is already there."""
    from django.conf import settings

    from demo import home as home_demo
    from demo import locales as locales_demo
    from home.models import HomePage

    if HomePage.objects.live().count() < len(settings.LANGUAGES):
        out = io.StringIO()
        locales_demo.load_locales(out)
        home_demo.load(out)
        locales_demo.load(out)
    return HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Built once per run; each test's transaction rolls its own changes back.
    with django_db_blocker.unblock():
        build_base_tree()


@pytest.fixture
def portal_site(db):
    return build_base_tree()


@pytest.fixture
def live_portal_site(transactional_db):
    """The base tree for live-server (browser) tests, whose database is flushed after
    each test."""
    return build_base_tree()


@pytest.fixture(autouse=True)
def _clear_cache():
    # Wagtail caches site root paths; a flushed and rebuilt tree must not see stale ones.
    from django.core.cache import cache

    from core import fragments

    cache.clear()
    fragments.LOCAL.clear()
    yield
    cache.clear()
    fragments.LOCAL.clear()


@pytest.fixture(autouse=True)
def _english_to_start():
    # The test client leaves the last request's language active in this thread: every
    # test starts in the default language, whichever page the one before it asked for.
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield
