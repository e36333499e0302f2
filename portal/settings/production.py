"""Production: everything comes from the environment; nothing secret has a default.

Refuses to start without SECRET_KEY, ALLOWED_HOSTS and WAGTAILADMIN_BASE_URL. See README,
"Configuration".
"""

import os

from django.core.exceptions import ImproperlyConfigured

from core.security_headers import s3_media_origins, with_sources
from portal.observability import init_sentry

from .base import *  # noqa: F403


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable (see README).")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in required("ALLOWED_HOSTS").split(",") if h.strip()]
# Every link in an email and in the API is built on it: a default would send people to
# 127.0.0.1.
WAGTAILADMIN_BASE_URL = required("WAGTAILADMIN_BASE_URL").rstrip("/")
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
] or [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"]

# Behind a TLS-terminating proxy (the usual deployment) the proxy sets this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preload is on by default so `check --deploy` is clean; turn it off before the first
# deployment if the domain must be able to serve plain HTTP again.
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "true").lower() == "true"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# S3-compatible media storage when a bucket is named; local files otherwise.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Sharers' images in their own private bucket when one is named (docs/storage.md): never
# the public bucket or its CDN domain. The bucket blocks public access; objects are sent
# with no ACL, so they are the owner's only, whether the bucket has ACLs or (AWS's
# default) refuses them. The portal makes no URL for them (share/storage.py), and any
# URL boto could sign would expire in a minute.
if os.environ.get("SHARE_PRIVATE_BUCKET_NAME"):
    STORAGES["private"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["SHARE_PRIVATE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": None,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 60,
            "file_overwrite": False,
        },
    }

# Content-Security-Policy (docs/security.md): images may come from the media bucket (or
# its CDN), and every http:// address on a page is fetched over https://.
MEDIA_ORIGINS = (
    s3_media_origins(
        os.environ["AWS_STORAGE_BUCKET_NAME"],
        custom_domain=os.environ.get("AWS_S3_CUSTOM_DOMAIN", ""),
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL", ""),
        region=os.environ.get("AWS_S3_REGION_NAME", ""),
    )
    if os.environ.get("AWS_STORAGE_BUCKET_NAME")
    else []
)
CONTENT_SECURITY_POLICY = with_sources(
    CONTENT_SECURITY_POLICY,  # noqa: F405
    img_src=MEDIA_ORIGINS,
    media_src=MEDIA_ORIGINS,
    upgrade_insecure_requests=True,
)
PORTAL_ADMIN_CONTENT_SECURITY_POLICY = with_sources(
    PORTAL_ADMIN_CONTENT_SECURITY_POLICY,  # noqa: F405
    img_src=MEDIA_ORIGINS,
    media_src=MEDIA_ORIGINS,
    upgrade_insecure_requests=True,
)

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"

# Background work runs in `manage.py db_worker` (docs/operations.md) unless TASKS_BACKEND
# says "immediate".
TASKS = tasks_setting(os.environ.get("TASKS_BACKEND", "database"))  # noqa: F405
# Load balancers probe over plain HTTP, and must not be sent to HTTPS (portal/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Errors to Sentry, with personal data removed before sending (portal/observability.py).
if os.environ.get("SENTRY_DSN"):
    init_sentry(
        os.environ["SENTRY_DSN"],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE"),
    )

# Rendering the most-visited pages again after a change (docs/performance.md) is work for
# the task worker; with the immediate backend the editor who publishes would wait for it.
PAGE_CACHE_WARM = os.environ.get("PAGE_CACHE_WARM", "true").lower() == "true" and (
    TASKS["default"]["BACKEND"] != TASK_BACKENDS["immediate"]  # noqa: F405
)
