"""Settings shared by every environment. Environment-specific modules import from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from wagtail.embeds.oembed_providers import vimeo, youtube

from core.icons import FOLDER as ICONS_FOLDER
from core.icons import cache_root_icons
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
    "backups",
    "events",
    "progress",
    "editorial",
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
    # Background work's queue in the database, and its worker (docs/operations.md).
    "django_tasks_db",
]

MIDDLEWARE = [
    # First, so every log line of the request carries its id (docs/operations.md).
    "core.request_id.RequestIdMiddleware",
    # Answers a hit from the page cache (core/page_cache.py), so a hit skips every
    # middleware below: its entry keeps the headers they set, and it is compressed and
    # answered with a 304 here as the next two would.
    "core.page_cache.PageCacheMiddleware",
    # Compresses pages, feeds and data (Django's gzip, with its BREACH mitigation); static
    # files come compressed from WhiteNoise. Outside ConditionalGet, which answers 304s.
    "core.middleware.CompressTextMiddleware",
    # Django's, with the security headers on its 304s (set inside it).
    "core.middleware.ConditionalGetMiddleware",
    # Stores what the page cache could not answer: inside compression and 304s, outside
    # the headers below, which the entry keeps. It decides on the cookies alone, so a
    # public page never reads the session.
    "core.page_cache.PageStoreMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get them too (docs/security.md).
    "core.middleware.PermissionsPolicyMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's Wagtail site without a query (core/sites.py); after CommonMiddleware,
    # which refuses hosts not in ALLOWED_HOSTS.
    "core.sites.SiteMiddleware",
    # The page a path is, from the process's copy (core/routes.py); a hook on the view,
    # run after every middleware above has seen the request.
    "core.routes.RouteMiddleware",
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
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Sharers' images (share/storage.py): never under MEDIA_ROOT, never a public URL.
    # Production can put them in a private S3 bucket (SHARE_PRIVATE_BUCKET_NAME).
    "private": {"BACKEND": "share.storage.PrivateFileSystemStorage"},
}

# Backups (backups/, docs/backups.md): `manage.py backup` writes the database dump and one
# archive of every stored file to BACKUP_DIR, or to the S3 bucket BACKUP_BUCKET_NAME, which
# django-dbbackup reads as STORAGES["dbbackup"]. No default: a backup beside what it
# protects is lost with it. Kept private (files mode 600; a bucket that blocks public
# access, docs/backups.md): backups hold sharers' contact details and images.
BACKUP_DIR = os.environ.get("BACKUP_DIR", "")
BACKUP_BUCKET_NAME = os.environ.get("BACKUP_BUCKET_NAME", "")
if BACKUP_BUCKET_NAME:
    STORAGES["dbbackup"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BACKUP_BUCKET_NAME,
            "location": os.environ.get("BACKUP_PREFIX", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
elif BACKUP_DIR:
    STORAGES["dbbackup"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": BACKUP_DIR,
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    }
# `backup --clean` keeps this many sets (daily backups: two weeks; docs/backups.md).
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", 14))
# Every server backs up the same database: one name, so any server finds the sets.
DBBACKUP_HOSTNAME = "portal"
# pg_restore as the connecting role, whichever role owned the tables backed up.
DBBACKUP_CONNECTORS = {"default": {"PG_OPTIONS": "--no-owner --no-privileges"}}
# /favicon.ico and the other icons browsers ask for at the root, served by WhiteNoise and
# cached for a week (core/icons.py).
WHITENOISE_ROOT = ICONS_FOLDER
WHITENOISE_ADD_HEADERS_FUNCTION = cache_root_icons

WAGTAIL_SITE_NAME = "WHO QualityRights portal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "epub", "txt", "vtt", "mp4"]
# Image uploads larger than this are refused with a message (bytes; default 20 MB).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("MAX_IMAGE_UPLOAD_BYTES", 20 * 1024 * 1024))
MAX_DOCUMENT_UPLOAD_BYTES = int(os.environ.get("MAX_DOCUMENT_UPLOAD_BYTES", 100 * 1024 * 1024))
# Editors' uploads: images lose their EXIF (GPS, camera serial), documents have a limit
# (core/uploads.py); both go to the uploader's country collection by default.
WAGTAILIMAGES_IMAGE_FORM_BASE = "countries.upload_forms.TeamImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "countries.upload_forms.TeamDocumentForm"
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
    # Without Redis, files every process on this server reads and writes: a publish in
    # one gunicorn worker is seen by the others (a per-process memory cache would not be).
    # Several servers need REDIS_URL (docs/performance.md).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# The page cache (core/page_cache.py, docs/performance.md): anonymous visitors' public
# pages, kept until public content changes (or PAGE_CACHE_SECONDS pass; 0 switches the
# cache off). What browsers and CDNs may keep is shorter: they are purged on publish only
# when a CDN is configured below.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 60 * 60 * 24))
PAGE_BROWSER_MAX_AGE = int(os.environ.get("PAGE_BROWSER_MAX_AGE", 60))
PAGE_SHARED_MAX_AGE = int(os.environ.get("PAGE_SHARED_MAX_AGE", 60 * 10))
PAGE_STALE_WHILE_REVALIDATE = int(os.environ.get("PAGE_STALE_WHILE_REVALIDATE", 60))
# Pages with search results (`q`): the index is updated by a task just after a publish.
PAGE_CACHE_SEARCH_SECONDS = int(os.environ.get("PAGE_CACHE_SEARCH_SECONDS", 60))
# Pages showing events change as time passes (an event starts, ends): kept this long.
EVENTS_PAGE_SECONDS = int(os.environ.get("EVENTS_PAGE_SECONDS", 300))
# A new release of the code starts a new page cache (core/page_cache.py `release`).
PORTAL_RELEASE = os.environ.get("PORTAL_RELEASE", "")
# Every GET parameter a public page understands (tests/core/test_page_cache.py checks the
# facets against it). A request with any other parameter is served, not stored.
PAGE_CACHE_QUERY_PARAMETERS = {
    # library, stories, site search, countries, events
    "q", "page", "sort", "type", "topic", "audience", "language", "country", "access",
    "year_from", "year_to", "status", "region", "objective", "content", "written_in",
    "all_languages", "format", "month", "interpretation", "view",
    # progress page: the map's indicator (its `sort` is above)
    "map",
}  # fmt: skip
# After a change, render these pages again in the background (a task), so the first
# visitor after a publish does not wait for cold facet counts. {lang} is each language.
PAGE_CACHE_WARM = os.environ.get("PAGE_CACHE_WARM", "false").lower() == "true"
PAGE_CACHE_WARM_PATHS = [
    "/{lang}/",
    "/{lang}/resources/",
    "/{lang}/stories/",
    "/{lang}/countries/",
    "/{lang}/progress/",
]

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

# "Translate this page" makes a draft in the other language, not a live page showing
# the English text under lang="ar": visitors get the English page with the "not yet
# available" notice until the translation is published (docs/translation.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

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

# Background work (docs/operations.md): PDF text, search index updates, emails. With
# TASKS_BACKEND=immediate a task runs inside the request (development, tests, `make
# demo`); with "database" (production's default) it is a row that `manage.py db_worker`
# runs, in the same transaction as the change that queued it.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_setting(name):
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = tasks_setting(os.environ.get("TASKS_BACKEND", "immediate"))
# The worker runs a failing task at most this many times in all, waiting TASK_RETRY_DELAY
# seconds times the attempt number in between; a task still "running" TASK_STALLED_AFTER
# seconds after it started (its worker was killed) is run again (portal/worker.py).
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", 3))
TASK_RETRY_DELAY = int(os.environ.get("TASK_RETRY_DELAY", 60))
TASK_STALLED_AFTER = int(os.environ.get("TASK_STALLED_AFTER", 3600))
# /readyz waits this many seconds for its checks (portal/health.py).
READY_CHECK_TIMEOUT = float(os.environ.get("READY_CHECK_TIMEOUT", 3))

# Logs (docs/operations.md): lines of text, or JSON lines with LOG_FORMAT=json. Each carries
# the request's id; email and IP addresses are masked (core/log_privacy.py). The task
# libraries log a failed task with its traceback, whose message may name an address: their
# records keep the exception's type only (the task's row keeps the traceback).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured("LOG_FORMAT must be text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.request_id.RequestIdFilter"},
        "exception_type_only": {"()": "core.log_privacy.ExceptionTypeOnly"},
    },
    "formatters": {
        "text": {
            "()": "core.log_privacy.TextFormatter",
            "format": "%(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
        "json": {
            "()": "core.log_privacy.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        **{app: {"level": os.environ.get("PORTAL_LOG_LEVEL", "INFO")} for app in PROJECT_APPS},
        **{
            name: {"filters": ["exception_type_only"]}
            for name in ("django_tasks", "django_tasks_db")
        },
    },
}

# A CDN or Varnish in front (core/cdn.py, docs/performance.md): purged on publish through
# Wagtail's frontend cache backends and task. Its app is not installed: its own signal
# handlers would purge before the change is committed, and core/cdn.py purges the page
# itself with everything that lists it. FRONTEND_CACHE_PURGE_URL is Varnish's or nginx's address for
# PURGE requests; Cloudflare and CloudFront take their own variables.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# core/cdn.py lists every translation's own address; Wagtail would also send each
# address once per language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
