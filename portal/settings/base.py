"""Settings shared by every environment. Environment-specific modules import from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from wagtail.embeds.oembed_providers import vimeo, youtube

from core.languages import DEFAULT_LANGUAGE, LANGUAGES, register_extra_lang_info

register_extra_lang_info()

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Layers (docs/architecture.md): the wiring and the demo, then the feature apps, then the
# search engine, then the shared core. `core` comes first so its templates (base.html,
# 404.html, wagtailcore/page.html) are found before any other app's.
PROJECT_APPS = [
    "core",
    "portal",
    "demo",
    "home",
    "countries",
    "resources",
    "share",
    "sitesearch",
    "search",
    "opendata",
    "alerts",
    "feeds",
]
INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # The admin's ways in (docs/security.md): sign-in lockouts and two-factor sign-in.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail_2fa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get them too (docs/security.md).
    "core.middleware.PermissionsPolicyMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Asks admin users with a 2FA device (or who must have one) for a code.
    "portal.two_factor.TwoFactorMiddleware",
    # A country team sees other countries' pages only as the public does, in the admin
    # views Wagtail gives no hook for (countries/admin_scope.py).
    "countries.admin_scope.AdminScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: turns a locked-out sign-in into AXES_LOCKOUT_CALLABLE's page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# DATABASE_URL selects the database; without it a SQLite file in the checkout is used so
# that a fresh clone runs with no server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: see portal/languages.py for the table and README for adding one.
LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "WHO QualityRights portal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "epub", "txt", "vtt", "mp4"]
# Image uploads larger than this are refused with a message (bytes; default 20 MB).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("MAX_IMAGE_UPLOAD_BYTES", 20 * 1024 * 1024))
MAX_DOCUMENT_UPLOAD_BYTES = int(os.environ.get("MAX_DOCUMENT_UPLOAD_BYTES", 100 * 1024 * 1024))
# Editors' uploads: images lose their EXIF (GPS, camera serial), documents have a limit.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.MetadataFreeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.LimitedDocumentForm"
# Documents go through Django, which serves only those a public page uses
# (core/public_media.py); never a redirect to a storage URL that could be passed on.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# ELASTICSEARCH_URL switches search to Elasticsearch; unset means Wagtail's database
# backend (SQLite FTS5 or PostgreSQL full-text search), so nothing else needs to run.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": 10,
        }
    }
else:
    # Wagtail's database backend (wagtail.search.backends.database), made language-aware.
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public read API (portal/api.py, docs/api.md).
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
# Full-text search belongs to /<lang>/search/, which guards against query syntax errors.
WAGTAILAPI_SEARCH_ENABLED = False
PORTAL_API_CACHE_SECONDS = int(os.environ.get("PORTAL_API_CACHE_SECONDS", 300))
# Open data downloads (opendata/, docs/open-data.md): their licence, name and address.
PORTAL_OPEN_DATA_LICENCE = (
    "CC BY-NC-SA 3.0 IGO",
    "https://creativecommons.org/licenses/by-nc-sa/3.0/igo/",
)
REST_FRAMEWORK = {
    # JSON only: the browsable renderer would load the admin's assets for anonymous users.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Machine translation for editors in wagtail-localize's translation editor: DeepL or
# LibreTranslate when configured, none by default (docs/translation.md).
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# "Share your experience" (share/conf.py lists the app's other settings and defaults).
# Sharers' images are kept here, never under MEDIA_ROOT; empty means "<MEDIA_ROOT>-private".
SHARE_PRIVATE_ROOT = os.environ.get("SHARE_PRIVATE_ROOT", "")
SHARE_CONTACT_RETENTION_DAYS = int(os.environ.get("SHARE_CONTACT_RETENTION_DAYS", 90))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")

# The e-training the home page invites people to (WHO Academy course page).
PORTAL_ETRAINING_URL = os.environ.get(
    "PORTAL_ETRAINING_URL",
    "https://www.who.int/teams/mental-health-and-substance-use/policy-law-rights/qr-e-training",
)

# The search-terms report keeps this many days (purge_search_queries deletes older ones).
SEARCH_QUERY_RETENTION_DAYS = int(os.environ.get("SEARCH_QUERY_RETENTION_DAYS", 180))

# Behind a proxy, the request header holding the client's address (e.g. "HTTP_X_REAL_IP"),
# used by the rate limits (core/ratelimit.py). Set only when the proxy overwrites it.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Sign-in lockouts (django-axes, docs/security.md). Its backend refuses a locked-out
# account or address before ModelBackend checks the password.
AUTHENTICATION_BACKENDS = [
    "portal.auth_limits.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 60)))
# Counted separately: one address cannot try many accounts, one account cannot be tried
# from many addresses.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The same address as the rate limits, so CLIENT_IP_HEADER serves both.
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
# Failures are rows in the database every worker and server already shares; no Redis
# needed, and a cache eviction cannot forget a lockout. `manage.py axes_reset` unlocks.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# A lockout lasts AXES_COOLOFF_TIME from the last counted failure: tries during it are
# refused unchecked and do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Successful sign-ins are not needed for lockouts; no table of staff addresses grows.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "portal.auth_limits.locked_out"
# Password-reset requests per hour, per client address and per email address.
PORTAL_PASSWORD_RESET_LIMIT = int(os.environ.get("PORTAL_PASSWORD_RESET_LIMIT", 5))

# Two-factor sign-in (wagtail-2fa, TOTP): optional for every admin user; with
# PORTAL_REQUIRE_2FA, required of superusers and Moderators (portal/two_factor.py).
PORTAL_REQUIRE_2FA = os.environ.get("PORTAL_REQUIRE_2FA", "false").lower() == "true"
# wagtail-2fa's own switch, on so its views and menu check devices; whom it asks for a code
# is decided by portal.two_factor.TwoFactorMiddleware.
WAGTAIL_2FA_REQUIRED = True

# Content-Security-Policy (django-csp; docs/security.md). The public site runs no inline
# script or style and loads nothing from another origin; the only other origins are the
# video players' frames (resources' video_url, countries' video blocks). Production adds
# the media storage's origin to img-src and upgrade-insecure-requests.
PORTAL_VIDEO_FRAME_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": PORTAL_VIDEO_FRAME_ORIGINS,
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The admin (every path under /admin/: Wagtail, wagtail-localize's editor, sign-in, 2FA)
# needs inline scripts and styles; it may frame itself (previews, block previews) and
# shows the video players' thumbnails. It calls no other origin: no Gravatar, no upgrade
# check (below), so it works on a closed network and tells no one who edits.
PORTAL_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [
            "'self'",
            "data:",
            "blob:",
            "https://i.ytimg.com",
            "https://i.vimeocdn.com",
        ],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-src": ["'self'", *PORTAL_VIDEO_FRAME_ORIGINS],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars are uploaded or the default, served here
WAGTAIL_ENABLE_UPDATE_CHECK = False  # upgrades are planned yearly (LTS), not prompted
# Editors embed videos from the providers the public policy frames, and no other.
WAGTAILEMBEDS_FINDERS = [
    {"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo]},
]

# Permissions-Policy on every response (core.middleware): browser features the portal never
# uses, denied to it and to any frame. Features the video players ask for (autoplay,
# fullscreen, encrypted-media, picture-in-picture, accelerometer, gyroscope) are left alone.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Background work (search indexing, reference index, later PDF text extraction) goes
# through django-tasks. The immediate backend runs it in the request; a deployment with a
# worker can swap the backend without code changes.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {app: {"level": os.environ.get("PORTAL_LOG_LEVEL", "INFO")} for app in PROJECT_APPS},
}
