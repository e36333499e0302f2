from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from core.middleware import language_neutral
from events import views as events_views
from portal import auth_limits, health, two_factor
from portal.api import api_router
from portal.robots import robots_txt
from portal.sitemap import PortalSitemap, ViewsSitemap
from share import urls as share_urls

sitemaps = {"pages": PortalSitemap, "views": ViewsSitemap}

urlpatterns = [
    # Probes for load balancers (portal/health.py): no language prefix, never cached.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Wagtail's password reset, limited per address and per email (portal/auth_limits.py);
    # before the admin's URLs so it answers this path.
    path("admin/password_reset/", auth_limits.password_reset),
    # wagtail-2fa's code page with a form that works with django-otp >= 1.7.1
    # (portal/two_factor.py); same name, so its middleware lets the page through.
    path("admin/2fa/auth", two_factor.VerifyView.as_view(), name="wagtail_2fa_auth"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("open-data/", include("opendata.urls")),
    # The same in every language: no Vary on, or header for, the visitor's language.
    path("robots.txt", language_neutral(robots_txt), name="robots_txt"),
    path(
        "sitemap.xml",
        language_neutral(sitemap_views.index),
        {"sitemaps": sitemaps},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        language_neutral(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every language has its prefix, English too: /en/, /ar/, /fr/. A bare `/` redirects to
# the visitor's best language (Accept-Language), done by core.middleware.
urlpatterns += i18n_patterns(
    path("share/", include(share_urls)),
    path("search/", include("sitesearch.urls")),
    path("feeds/", include("feeds.urls")),
    path("alerts/", include("alerts.urls")),
    # The stop link of the editors' weekly email (editorial/views.py).
    path("weekly-email/", include("editorial.urls")),
    path("progress/", include("progress.urls")),
    # An event's .ics and the events calendar feed (events/views.py): Wagtail serves
    # only paths that end in a slash.
    re_path(r"^(?P<path>(?:[\w\-]+/)*)calendar\.ics$", events_views.ics, name="events_ics"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
