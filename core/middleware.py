import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import is_valid_path

# A first path segment shaped like a language tag (`de`, `pt-br`, `zh-hant`).
LANGUAGE_TAG = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})*)(/|$)", re.IGNORECASE)


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus two redirects that Wagtail's catch-all URL causes.

    The stock middleware answers a 404 on an unprefixed path by redirecting to the
    language-prefixed path whenever that path resolves, and Wagtail's page URL resolves
    every path. So it would send `/de/` (a language we do not offer) to `/en/de/`, and a
    404 from the admin or the API (`/api/v2/pages/999/`) to `/en/api/v2/pages/999/`.
    Those keep their 404: a localised "not found" page, or the view's own answer.
    """

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_TAG.match(request.path_info)
            supported = {code for code, _ in settings.LANGUAGES}
            unknown_language = match and match.group(1).lower() not in supported
            served_unprefixed = is_valid_path(request.path_info, getattr(request, "urlconf", None))
            if unknown_language or served_unprefixed:
                response.setdefault("Content-Language", request.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)
