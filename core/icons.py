"""The portal's icons at the site's root: /favicon.ico, /favicon.svg, /apple-touch-icon.png.

Browsers and feed readers ask for these at the root whatever the page links to, so
WhiteNoise serves the icons folder there (WHITENOISE_ROOT) before any view runs, with
the ETag, Last-Modified and 304s it gives every static file, in the test and development
servers as in production. The pages link to the same files' hashed static URLs
(base.html), which are cached for ever; the root URLs cannot change name, so they are
cached for a week (WhiteNoise's default for unversioned files is a minute).
Redraw them with scripts/make_icons.py.
"""

from pathlib import Path

from django.conf import settings

FOLDER = Path(__file__).resolve().parent / "static" / "core" / "icons"
ROOT_ICON_MAX_AGE = 7 * 24 * 60 * 60


def cache_root_icons(headers, path, url):
    """WHITENOISE_ADD_HEADERS_FUNCTION: a week's caching for the icons at the root."""
    # WHITENOISE_ROOT is the only folder WhiteNoise serves at the root: "/favicon.ico".
    if not settings.DEBUG and url.count("/") == 1:
        headers["Cache-Control"] = f"public, max-age={ROOT_ICON_MAX_AGE}"
