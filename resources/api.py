"""What the public API (portal/api.py) shows of a resource beyond its plain fields:
taxonomy as slugs and names, countries, and language versions with absolute download
URLs. `prefetch` loads all of it for a batch of pages in a fixed number of queries."""

from django.db.models import prefetch_related_objects

from core.api_fields import WholePageField
from core.languages import endonym

PREFETCH = ["topics", "audiences", "countries", "files__document"]


def prefetch(pages):
    prefetch_related_objects(pages, "resource_type", *PREFETCH)


def term(item):
    return {"slug": item.slug, "name": item.name}


class TaxonomyField(WholePageField):
    def to_representation(self, page):
        return {
            "type": term(page.resource_type),
            "topics": [term(topic) for topic in page.topics.all()],
            "audiences": [term(audience) for audience in page.audiences.all()],
        }


class CountriesField(WholePageField):
    def to_representation(self, page):
        return [
            {"slug": c.slug, "name": c.title, "iso_code": c.iso_code} for c in page.countries.all()
        ]


class LanguageVersionsField(WholePageField):
    def to_representation(self, page):
        request = self.context["request"]
        url = page.get_full_url(request=request)
        files = sorted(page.files.all(), key=lambda file: file.sort_order or 0)
        return [
            {
                "language": file.language,
                "language_name": endonym(file.language),
                "format": file.file_format,
                "size": file.file_size,
                "pages": file.page_count,
                "download_url": url + page.reverse_subpage("download", args=[file.pk]).lstrip("/")
                if url
                else None,
            }
            for file in files
        ]
