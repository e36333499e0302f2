"""The public read API: Wagtail's API v2 at /api/v2/ (pages, images, documents).

Read-only by construction (Wagtail's API viewsets only list and retrieve), open to any
origin for GET, cacheable, and paged with a hard upper limit (WAGTAILAPI_LIMIT_MAX).
See docs/api.md.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

from core import public_media
from countries import api as countries_api
from countries.models import CountryPage, Target
from events import api as events_api
from events.models import EventPage
from progress import api as progress_api
from progress.targets import public_targets
from resources import api as resources_api
from resources.facets import FACETS
from resources.models import ResourcePage

# Beyond this the database cannot hold the offset (a 64-bit integer on SQLite and
# PostgreSQL); no listing of this portal comes near it.
MAX_OFFSET = 10**9


class PortalPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        # Wagtail reads the offset with int(): "²" passes str.isdigit() and not int().
        if not (offset.isascii() and offset.isdigit()):
            raise BadRequestError("offset must be a positive integer")
        if int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicReadMixin:
    """Cache-Control and CORS headers on every API response, errors included."""

    pagination_class = PortalPagination

    def find_object(self, queryset, request):
        # Wagtail looks `?id=` up as given: "abc" would be a server error.
        if "id" in request.GET and not (
            request.GET["id"].isascii() and request.GET["id"].isdigit()
        ):
            raise BadRequestError("id must be a whole number")
        return super().find_object(queryset, request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        if response.status_code == 200:
            response["Cache-Control"] = f"public, max-age={settings.PORTAL_API_CACHE_SECONDS}"
        return response


# The page types whose computed API fields load their data per batch of pages.
PREFETCH = {
    CountryPage: countries_api.prefetch,
    ResourcePage: resources_api.prefetch,
    EventPage: events_api.prefetch,
}


class PortalPagesAPIViewSet(PublicReadMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        # Wagtail lets through the restricted pages this request may see (signed in, in
        # the group, password typed): the API is public and publicly cached, so it is
        # the same for everyone, as every public surface (core.i18n.publicly_visible).
        # Every listing, detail, `child_of` and `descendant_of` starts here.
        if any("\x00" in value for _, values in self.request.GET.lists() for value in values):
            # PostgreSQL refuses the character in any text it is given (`?site=%00`).
            raise BadRequestError("a parameter holds a NUL character")
        try:
            return super().get_base_queryset().public()
        except (Site.DoesNotExist, ValueError, ValidationError) as error:
            # Wagtail looks `?site=host[:port]` up unchecked: no such site, or a port
            # that is not a number, was a server error.
            raise BadRequestError("unknown site; leave `site` out for this one") from error

    def get_queryset(self):
        # Every item's meta shows its locale: fetch them with the pages, not one by one.
        return super().get_queryset().select_related("locale")

    def filter_queryset(self, queryset):
        # Wagtail passes a field filter's value to the ORM unchecked: `?countries=x` or
        # `?publication_date=x` would be a server error.
        try:
            return super().filter_queryset(queryset)
        except (ValueError, ValidationError) as error:
            raise BadRequestError(f"field filter error: {error}") from error

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        prefetch = PREFETCH.get(queryset.model)
        if prefetch is not None and pages:
            prefetch(pages)
        return pages

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        # Wagtail answers an unknown locale with a 404, as if the listing did not exist.
        locale = self.request.GET.get("locale")
        if locale is not None and locale not in dict(settings.LANGUAGES):
            codes = ", ".join(code for code, _ in settings.LANGUAGES)
            raise BadRequestError(f"unknown locale '{locale}'; use one of: {codes}")


class ResourcesAPIViewSet(PortalPagesAPIViewSet):
    """The library's resources, filtered with the library's own slugs (facets)."""

    model = ResourcePage
    filters = ("type", "topic", "audience", "language", "country")
    known_query_parameters = PagesAPIViewSet.known_query_parameters | set(filters)

    def get_queryset(self):
        base = self.get_base_queryset().values_list("pk", flat=True)
        return ResourcePage.objects.filter(pk__in=base).select_related("locale")

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Only listings check their parameters; a single resource is never filtered.
        self.filter_values = {}

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name in self.filters:
            if name not in self.request.GET:
                continue
            choices = {choice.slug: choice.key for choice in facet(name).load_choices()}
            slugs = [slug for slug in self.request.GET[name].split(",") if slug]
            unknown = [slug for slug in slugs if slug not in choices]
            if unknown or not slugs:
                known = ", ".join(sorted(choices))
                raise BadRequestError(
                    f"unknown {name} '{','.join(unknown)}'; use one or more of: {known}"
                )
            self.filter_values[name] = [choices[slug] for slug in slugs]

    def filter_queryset(self, queryset):
        for name, keys in self.filter_values.items():
            queryset = facet(name).filter(queryset, keys)
        return super().filter_queryset(queryset)


def facet(name):
    return next(f for f in FACETS if f.name == name)


class EventsAPIViewSet(PortalPagesAPIViewSet):
    """Events, upcoming first (`?when=past`: past ones, newest first), filtered with the
    events listing's own slugs (events/facets.py): country, topic, format, language,
    interpretation, access, month."""

    model = EventPage
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {
        *events_api.FILTERS,
        "when",
    }

    def get_queryset(self):
        base = self.get_base_queryset().values_list("pk", flat=True)
        events = EventPage.objects.filter(pk__in=base).select_related("locale")
        if self.request.GET.get("when") == "past":
            return events.past().order_by("-start_utc", "-pk")
        return events.upcoming().order_by("start_utc", "pk")

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.filter_values = {}

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        when = self.request.GET.get("when")
        if when is not None and when not in events_api.WHEN:
            raise BadRequestError(f"unknown when '{when}'; use upcoming or past")
        for name in events_api.FILTERS:
            if name not in self.request.GET:
                continue
            choices = {c.slug: c.key for c in events_api.facet(name).load_choices()}
            slugs = [slug for slug in self.request.GET[name].split(",") if slug]
            unknown = [slug for slug in slugs if slug not in choices]
            if unknown or not slugs:
                known = ", ".join(sorted(choices))
                raise BadRequestError(
                    f"unknown {name} '{','.join(unknown)[:100]}'; use one or more of: {known}"
                )
            self.filter_values[name] = [choices[slug] for slug in slugs]

    def filter_queryset(self, queryset):
        for name, keys in self.filter_values.items():
            queryset = events_api.facet(name).filter(queryset, keys)
        return super().filter_queryset(queryset)


class TargetsAPIViewSet(PublicReadMixin, BaseAPIViewSet):
    """The English targets (the facts, the same in every language), with their names
    in every language; a target for a country that is not public is left out."""

    model = Target
    body_fields = ["id", *progress_api.FIELDS]
    listing_default_fields = ["id", "type", "detail_url", *(f.name for f in progress_api.FIELDS)]
    # No filters: a handful of rows. Wagtail would accept any field's name as one and
    # ignore it.
    known_query_parameters = frozenset({"limit", "offset", "fields"})

    def get_queryset(self):
        return public_targets()

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(unknown))
            )

    def paginate_queryset(self, queryset):
        targets = list(super().paginate_queryset(queryset))
        progress_api.prefetch(targets)
        return targets


class PublicMediaMixin(PublicReadMixin):
    """Images and documents that a live public page uses, no others: a draft's upload or
    a sharer's photo stays out of the API until its page is published."""

    def get_queryset(self):
        return public_media.public(super().get_queryset())


class PortalImagesAPIViewSet(PublicMediaMixin, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(PublicMediaMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("resources", ResourcesAPIViewSet)
api_router.register_endpoint("events", EventsAPIViewSet)
api_router.register_endpoint("targets", TargetsAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
