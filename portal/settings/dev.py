"""Local development: `make demo`. Never use on a server."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# A template edited during development shows at once (PAGE_CACHE_SECONDS=3600 tries the
# page cache out).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 0))
