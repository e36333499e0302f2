import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

# A first path segment shaped like a language tag (`de`, `pt-br`, `zh-hant`).
LANGUAGE_TAG = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})*)(/|$)", re.IGNORECASE)


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but `/de/...` for an unsupported language is a 404.

    Wagtail's catch-all URL makes every path "valid", so the stock middleware would
    redirect `/de/` to `/en/de/`; a visitor who typed a language we do not offer gets a
    clear, localised "not found" page instead.
    """

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_TAG.match(request.path_info)
            supported = {code for code, _ in settings.LANGUAGES}
            if match and match.group(1).lower() not in supported:
                response.setdefault("Content-Language", request.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)
