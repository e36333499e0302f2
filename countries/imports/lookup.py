"""The countries and indicator types rows may name, read once per plan: a country by
its ISO code or by its title in any language, an indicator by its slug or English name.

A country team member is shown only the countries the public sees and their own: a
draft or restricted country page of another team is "no country" to them, as it is to
the public, so a file cannot probe for its code or title."""

from core import locales, visibility
from countries.imports import cells
from countries.imports.current import english_countries
from countries.models import CountryPage, IndicatorType


class Lookup:
    def __init__(self, rows, access):
        pages = english_countries().select_related("locked_by")
        translations = CountryPage.objects.exclude(locale=locales.default())
        if not access.moderator:
            public = set(visibility.public(CountryPage.objects.live()).values_list("pk", flat=True))
            pages = [page for page in pages if access.allows(page) or page.pk in public]
            translations = visibility.public(translations.live())
        self.pages = list(pages)
        self.by_iso = {page.iso_code.upper(): page for page in self.pages}
        self.by_name = {cells.name_key(page.title): page for page in self.pages}
        if any(not row.cells["country_iso"] and row.cells["country"] for row in rows):
            by_key = {page.translation_key: page for page in self.pages}
            for key, title in translations.values_list("translation_key", "title"):
                if key in by_key:
                    self.by_name.setdefault(cells.name_key(title), by_key[key])
        self.types = list(IndicatorType.objects.filter(locale=locales.default()))
        self.types_by_pk = {kind.pk: kind for kind in self.types}
        self.by_slug = {kind.slug.lower(): kind for kind in self.types}
        self.by_type_name = {cells.name_key(kind.name): kind for kind in self.types}

    def country(self, row):
        code = row.cells["country_iso"].upper()
        if code:
            return self.by_iso.get(code), code
        name = row.cells["country"]
        return (self.by_name.get(cells.name_key(name)), name) if name else (None, "")

    def indicator(self, row):
        text = row.cells["indicator"] or row.cells["indicator_name"]
        found = self.by_slug.get(text.lower()) or self.by_type_name.get(cells.name_key(text))
        return found, text
