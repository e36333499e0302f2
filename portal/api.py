"""The public read API: Wagtail's API v2 at /api/v2/ (pages, images, documents).

Read-only by construction (Wagtail's API viewsets only list and retrieve), open to any
origin for GET, cacheable, and paged with a hard upper limit (WAGTAILAPI_LIMIT_MAX).
See docs/api.md.
"""

from django.conf import settings
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PublicReadMixin:
    """Cache-Control and CORS headers on every API response, errors included."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        if response.status_code == 200:
            response["Cache-Control"] = f"public, max-age={settings.PORTAL_API_CACHE_SECONDS}"
        return response


class PortalPagesAPIViewSet(PublicReadMixin, PagesAPIViewSet):
    def get_queryset(self):
        # Every item's meta shows its locale: fetch them with the pages, not one by one.
        return super().get_queryset().select_related("locale")

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        # Wagtail answers an unknown locale with a 404, as if the listing did not exist.
        locale = self.request.GET.get("locale")
        if locale is not None and locale not in dict(settings.LANGUAGES):
            codes = ", ".join(code for code, _ in settings.LANGUAGES)
            raise BadRequestError(f"unknown locale '{locale}'; use one of: {codes}")


class PortalImagesAPIViewSet(PublicReadMixin, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(PublicReadMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
