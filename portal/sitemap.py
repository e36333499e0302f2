"""sitemap.xml: every live page in every locale, each with its hreflang alternates, and
the portal's own public views that are not pages (the progress page).

Wagtail's own sitemap lists only the default locale's tree; ours lists each locale's
translated pages and links the translations of a page to each other. Django's sitemap
framework pages the list (50,000 URLs a file, with a sitemap index) in the database.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from core.languages import bcp47


class PortalSitemap(Sitemap):
    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path", "pk")
        )

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for other in (
            Page.objects.live()
            .public()
            .filter(
                alias_of__isnull=True,
                translation_key__in={p.translation_key for p in object_list},
            )
            .select_related("locale")
        ):
            translations[other.translation_key].append(other)

        order = {code: i for i, (code, _) in enumerate(settings.LANGUAGES)}
        urls = []
        for item in object_list:
            siblings = sorted(
                translations[item.translation_key],
                key=lambda p: order.get(p.locale.language_code, len(order)),
            )
            alternates = [
                {
                    "lang_code": bcp47(p.locale.language_code),
                    "location": p.get_full_url(self.request),
                }
                for p in siblings
            ]
            default = next(
                (
                    a
                    for a, p in zip(alternates, siblings, strict=True)
                    if p.locale.language_code == settings.LANGUAGE_CODE
                ),
                None,
            )
            if default and len(alternates) > 1:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": self.lastmod(item),
                    "alternates": alternates if len(siblings) > 1 else [],
                }
            )
        return urls


class ViewsSitemap(DjangoSitemap):
    """Views with a URL in every language (by URL name), at the site's public address as
    the pages are, each with its translations as alternates."""

    names = ["progress"]

    def items(self):
        return self.names

    def get_urls(self, page=1, site=None, protocol=None):
        site = Site.objects.filter(is_default_site=True).first()
        root = site.root_url if site else ""
        urls = []
        for name in self.paginator.page(page).object_list:
            locations = {}
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    locations[code] = root + reverse(name)
            alternates = [
                {"lang_code": bcp47(code), "location": location}
                for code, location in locations.items()
            ]
            alternates.append(
                {"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]}
            )
            urls += [
                {"item": name, "location": loc, "alternates": alternates}
                for loc in locations.values()
            ]
        return urls
