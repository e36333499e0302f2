"""What the resource page shows beyond its fields: downloads per language (the
visitor's language first), "also available in", the citation and schema.org JSON-LD."""

from django.conf import settings
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.html import strip_tags
from wagtail.models import Page

from core import i18n, locales, visibility
from core.facets import taxonomy_choices
from core.languages import endonym
from core.taxonomy import Topic
from resources.accessibility import ACCESS_FEATURES
from resources.taxonomy import Audience, ResourceType
from resources.video import embed_html

# schema.org's names for our accessibility features
SCHEMA_ACCESS = {
    "has_easy_read": "simplifiedText",
    "has_captions": "captions",
    "has_transcript": "transcript",
    "has_sign_language": "signLanguage",
    "has_audio_description": "audioDescription",
    "has_accessible_pdf": "taggedPDF",
}


def detail_context(page, request):
    language = i18n.active_language()
    base = page.base_url(request) or ""
    files = list(page.files.select_related("document").order_by("sort_order", "pk"))
    for file in files:
        # In a preview, a file just added has no id yet: link to the document itself.
        file.download_url = (
            base + page.reverse_subpage("download", args=[file.pk])
            if file.pk
            else file.document.url
        )
    files.sort(key=lambda file: file.language != language)  # stable: editors' order kept
    links = list(page.links.order_by("sort_order", "pk"))
    # Caption tracks belong to the video: no video, nothing to look up.
    has_video = bool(page.video_url or page.video_file_id)
    captions = (
        list(page.captions.select_related("document").order_by("sort_order", "pk"))
        if has_video
        else []
    )
    codes = sorted({f.language for f in files} | {link.language for link in links})
    resource_type = page.resource_type
    # The cached term list (core/fragments.py), as the library's cards use.
    labels = {choice.key: choice.label for choice in taxonomy_choices(ResourceType)}
    return {
        "type_label": labels.get(resource_type.translation_key, resource_type.name),
        # Terms by their names in the visitor's language where translated.
        "topic_names": term_names(page.topics.all(), Topic),
        "audience_names": term_names(page.audiences.all(), Audience),
        "files": files,
        "links": links,
        "captions": captions,
        "in_visitor_language": language in codes,
        "other_languages": [code for code in codes if code != language],
        "access_features": [
            label for _slug, field, label in ACCESS_FEATURES if getattr(page, field)
        ],
        "related": related_resources(page, request),
        "structured_data": structured_data(page, request, files, codes),
        "video_embed": embed_html(page.video_url, page.title) if page.video_url else "",
    }


def term_names(terms, model):
    names = {choice.key: choice.label for choice in taxonomy_choices(model)}
    return [names.get(term.translation_key, term.name) for term in terms]


def related_resources(page, request):
    """Publicly visible related resources, each in the visitor's language where
    translated: a fixed number of queries however many there are."""
    chosen = [
        item.resource
        for item in page.related_resources.select_related("resource").order_by("sort_order", "pk")
    ]
    if not chosen:
        return []
    # One query for both: which chosen pages are public (checked by id, not by a join: a
    # preview's related items are not in the database) and their public translations.
    language = i18n.active_language()
    found = list(
        visibility.public(Page.objects.live()).filter(
            Q(pk__in=[r.pk for r in chosen])
            | Q(
                translation_key__in=[r.translation_key for r in chosen],
                locale__language_code=language,
            )
        )
    )
    visible = {p.pk for p in found}
    translated = {p.translation_key: p for p in found if locales.language_of(p) == language}
    related = [resource for resource in chosen if resource.pk in visible]
    shown = []
    for resource in related:
        own = translated.get(resource.translation_key)
        resource = own or resource
        resource.library_url = i18n.url_for_visitor(resource, request)
        resource.fallback_language = None if own else settings.LANGUAGE_CODE
        shown.append(resource)
    return shown


def schema_type(page):
    if page.video_url or page.video_file_id:
        return "VideoObject"
    return "Book" if page.isbn else "CreativeWork"  # an ISBN is a book's identifier


def structured_data(page, request, files, codes):
    """The resource as a schema.org item; base.html adds it to the page's JSON-LD."""
    data = {
        "@type": schema_type(page),
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request=request),
        "datePublished": page.publication_date.isoformat(),
        "publisher": {"@type": "Organization", "name": page.publisher},
        "license": page.licence,
        "inLanguage": codes,
        "accessibilityFeature": [
            SCHEMA_ACCESS[field] for _slug, field, _label in ACCESS_FEATURES if getattr(page, field)
        ],
        "encoding": [
            {
                "@type": "MediaObject",
                "contentUrl": request.build_absolute_uri(file.download_url),
                "encodingFormat": file.file_format,
                "inLanguage": file.language,
                "contentSize": filesizeformat(file.file_size or 0),
                "name": f"{page.title} ({endonym(file.language)})",
            }
            for file in files
        ],
    }
    identifiers = [
        value
        for value in (
            page.isbn,
            page.doi and f"doi:{page.doi}",
            page.iris_handle and f"hdl:{page.iris_handle}",
        )
        if value
    ]
    if page.isbn:
        data["isbn"] = page.isbn
    if identifiers:
        data["identifier"] = identifiers
    if page.transcript:
        data["transcript"] = strip_tags(page.transcript)
    return data
