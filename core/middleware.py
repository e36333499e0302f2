import functools
import re

from csp.constants import HEADER, SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.middleware.http import ConditionalGetMiddleware as DjangoConditionalGetMiddleware
from django.middleware.locale import LocaleMiddleware
from django.urls import is_valid_path, reverse

from core.security_headers import permissions_policy_header

# A first path segment shaped like a language tag (`de`, `pt-br`, `zh-hant`).
LANGUAGE_TAG = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})*)(/|$)", re.IGNORECASE)


def language_neutral(view):
    """Marks a view whose answer is the same in every language (the sitemap, robots.txt).

    LocaleMiddleware gives every answer on a path without a language prefix
    `Vary: Accept-Language` and the visitor's `Content-Language`; a cache would then keep
    a copy per language and replay the first visitor's language to everyone.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.language_neutral = True
        return response

    return wrapped


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus two redirects that Wagtail's catch-all URL causes,
    and minus its language headers on the answers of `language_neutral` views.

    The stock middleware answers a 404 on an unprefixed path by redirecting to the
    language-prefixed path whenever that path resolves, and Wagtail's page URL resolves
    every path. So it would send `/de/` (a language we do not offer) to `/en/de/`, and a
    404 from the admin or the API (`/api/v2/pages/999/`) to `/en/api/v2/pages/999/`.
    Those keep their 404: a localised "not found" page, or the view's own answer.
    """

    def process_response(self, request, response):
        if getattr(response, "language_neutral", False):
            return response
        if response.status_code == 404:
            match = LANGUAGE_TAG.match(request.path_info)
            supported = {code for code, _ in settings.LANGUAGES}
            unknown_language = match and match.group(1).lower() not in supported
            served_unprefixed = is_valid_path(request.path_info, getattr(request, "urlconf", None))
            if unknown_language or served_unprefixed:
                response.setdefault("Content-Language", request.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, sending the admin its own policy.

    The public site gets `CONTENT_SECURITY_POLICY`: no inline script or style, nothing from
    another origin but the video players' frames. The Wagtail admin (and wagtail-localize's
    editor, the sign-in and 2FA pages under it) needs inline scripts and styles, so paths
    under the admin get `PORTAL_ADMIN_CONTENT_SECURITY_POLICY`.

    A preview is the public page rendered for the admin (Wagtail runs the middleware for
    the page's own URL, then returns the response from an admin view): it keeps the public
    policy, so editors see what visitors will, but may be framed by the admin's preview
    panel (`frame-ancestors 'self'`, as Wagtail's X-Frame-Options: SAMEORIGIN).
    """

    # Attributes through which a view changes its response's policy (django-csp's
    # decorators): a response with any of them gets the policy built for it.
    PER_RESPONSE = (
        "_csp_config",
        "_csp_update",
        "_csp_replace",
        "_csp_exempt",
        "_csp_config_ro",
        "_csp_update_ro",
        "_csp_replace_ro",
        "_csp_exempt_ro",
    )

    def __init__(self, get_response):
        super().__init__(get_response)
        self._public = {}

    def process_response(self, request, response):
        """A public page without a nonce or a decorator gets the same header every time:
        built once (django-csp rebuilds it for each response, a third of a cached page's
        time), and again if the setting changes."""
        plain = not (
            getattr(request, "is_preview", False)
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in self.PER_RESPONSE)
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or request.path_info.startswith(admin_prefix())
        )
        if not plain or (settings.DEBUG and response.status_code in (404, 500)):
            return super().process_response(request, response)
        key = id(settings.CONTENT_SECURITY_POLICY)
        if key not in self._public:
            self._public = {key: super().process_response(request, response).get(HEADER)}
            return response
        if self._public[key] and HEADER not in response:
            response[HEADER] = self._public[key]
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        elif request.path_info.startswith(admin_prefix()):
            parts.config = settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


@functools.cache
def admin_prefix():
    return reverse("wagtailadmin_home")


class PermissionsPolicyMiddleware:
    """`Permissions-Policy` on every response, from the PERMISSIONS_POLICY setting: the
    browser features the portal never uses are switched off for it and any frame in it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class CompressTextMiddleware(GZipMiddleware):
    """Django's gzip for text only: pages, feeds, JSON, CSV, calendars. Documents and
    images are already compressed, and a streamed PDF must keep its length and ranges.
    Django pads compressed pages against BREACH; pages with a form token are compressed
    too, which that padding is for."""

    TEXT = (
        "text/",
        "application/json",
        "application/xml",
        "application/atom+xml",
        "application/rss+xml",
    )

    def process_response(self, request, response):
        # Wagtail's document view (wagtail.utils.sendfile) writes the guessed encoding of
        # a plain file, None, as "Content-Encoding: None": a coding no client knows.
        if response.get("Content-Encoding") == "None":
            del response["Content-Encoding"]
        content_type = response.get("Content-Type", "")
        if response.streaming or not content_type.startswith(self.TEXT):
            return response
        return super().process_response(request, response)


# What a 304 keeps of the answer it stands for. Django's keeps the caching headers only;
# these are set inside it (the security headers, the page cache's) and belong on every
# response, a 304 too.
KEPT_ON_NOT_MODIFIED = (
    "Strict-Transport-Security",
    "Content-Security-Policy",
    "Content-Security-Policy-Report-Only",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "X-Page-Cache",
)


def keep_on_not_modified(response, not_modified):
    for header in KEPT_ON_NOT_MODIFIED:
        if header in response and header not in not_modified:
            not_modified[header] = response[header]
    return not_modified


class ConditionalGetMiddleware(DjangoConditionalGetMiddleware):
    """Django's 304s, with the headers of KEPT_ON_NOT_MODIFIED."""

    def process_response(self, request, response):
        answer = super().process_response(request, response)
        if answer is not response and answer.status_code == 304:
            keep_on_not_modified(response, answer)
        return answer
