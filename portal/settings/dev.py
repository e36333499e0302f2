"""Local development: `make demo`. Never use on a server."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
