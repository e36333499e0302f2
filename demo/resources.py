"""Demo content for the resource library (`manage.py load_demo`, `--resources N`).

Idempotent: pages, documents and images are found by slug or title and updated, never
duplicated. Files are generated here (resources/sample_files.py) into media storage.
"""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from core.taxonomy import Topic
from countries.models import CountryPage, StoryPage, StoryRelatedResource
from demo import bulk, sample_files
from demo.resource_content import (
    AUDIENCES,
    CAPTION_CUES,
    DEMO_NOTE,
    RESOURCES,
    TRANSLATED_INDEX_TITLES,
    TRANSLATIONS,
    TYPES,
)
from home.models import HomePage
from resources.models import (
    Audience,
    CaptionTrack,
    RelatedResource,
    ResourceFile,
    ResourceIndexPage,
    ResourceLink,
    ResourcePage,
    ResourceType,
)

COLOURS = ["#00507a", "#5b2a86", "#1d6b3a", "#8a3b12", "#003a59"]


def load(stdout, generated=0):
    english = Locale.objects.get(language_code="en")
    for model, terms in ((ResourceType, TYPES), (Audience, AUDIENCES)):
        for slug, name in terms.items():
            model.objects.update_or_create(locale=english, slug=slug, defaults={"name": name})
    index = library_index(english)
    pages = [resource(index, spec, number) for number, spec in enumerate(RESOURCES)]
    link_related(pages)
    link_countries_and_stories(pages)
    translate(pages)
    stdout.write(f"Resources: {ResourcePage.objects.filter(locale=english).count()}")
    if generated:
        added = bulk.add_generated(index, generated)
        stdout.write(f"Generated resources: {bulk.generated_count()} ({added} new)")
    return index


def library_index(english):
    home = HomePage.objects.get(locale=english)
    index = ResourceIndexPage.objects.filter(locale=english).first()
    if index is None:
        index = ResourceIndexPage(title="Resource library", slug="resources", locale=english)
        home.add_child(instance=index)
    index.title, index.show_in_menus = "Resource library", True
    index.intro = (
        "Find the WHO QualityRights materials in your language: training modules, guidance, "
        "tools, posters and videos. The descriptions and files here are samples for the demo."
    )
    index.save_revision().publish()
    for code, title in TRANSLATED_INDEX_TITLES.items():
        locale = Locale.objects.get(language_code=code)
        translated = index.get_translation_or_none(locale) or index.copy_for_translation(locale)
        translated = translated.specific
        translated.title, translated.show_in_menus = title, True
        translated.save_revision().publish()
    return index


def document(title, filename, content):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    doc = Document(title=title)
    doc.file.save(filename, ContentFile(content), save=False)
    doc.save()
    return doc


def image(title, content):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = Image(title=title)
    picture.file = ImageFile(
        ContentFile(content), name=f"{title[:40].lower().replace(' ', '-')}.png"
    )
    picture.save()
    return picture


def resource(index, spec, number):
    english = index.locale
    page = ResourcePage.objects.filter(locale=english, slug=spec["slug"]).first()
    is_new = page is None
    if is_new:
        page = ResourcePage(slug=spec["slug"], locale=english)
    colour = COLOURS[number % len(COLOURS)]
    page.title = spec["title"]
    page.summary = spec["summary"]
    paragraphs = [spec["summary"], spec.get("extra", ""), DEMO_NOTE]
    page.description = "".join(f"<p>{text}</p>" for text in paragraphs if text)
    page.resource_type = ResourceType.objects.get(locale=english, slug=spec["type"])
    page.publisher = spec.get("publisher", "World Health Organization")
    page.publication_date = datetime.date(spec["year"], 1, 1)
    page.topics = list(Topic.objects.filter(locale=english, slug__in=spec["topics"]))
    page.audiences = list(Audience.objects.filter(locale=english, slug__in=spec["audiences"]))
    page.cover_image = image(
        f"Sample cover: {spec['title']}",
        sample_files.image_bytes(spec["title"], colour, size=(480, 640), label="Cover"),
    )
    for field in spec.get("access", []):
        setattr(page, field, True)
    if is_new or not page.files.exists():
        page.files = files(spec, colour)
    if "links" in spec and not page.links.exists():
        page.links = [
            ResourceLink(
                url=settings.PORTAL_ETRAINING_URL,
                language=code,
                label="Open the e-training on the WHO website",
            )
            for code in spec["links"]
        ]
    if "captions" in spec:
        video(page, spec)
    if is_new:
        index.add_child(instance=page)
    page.save_revision().publish()
    return page


def files(spec, colour):
    made = []
    for code in spec.get("files", []):
        doc = document(
            f"Sample PDF: {spec['title']} ({code})",
            f"{spec['slug']}-{code}.pdf",
            sample_files.pdf_bytes(spec["title"], code, pages=2 + len(made)),
        )
        made.append(ResourceFile(document=doc, language=code))
    for code in spec.get("posters", []):
        content = sample_files.image_bytes(spec["title"], colour, label=f"Poster ({code})")
        doc = document(
            f"Sample poster: {spec['title']} ({code})", f"{spec['slug']}-{code}.png", content
        )
        made.append(ResourceFile(document=doc, language=code))
    return made


def video(page, spec):
    if not page.captions.exists():
        page.captions = [
            CaptionTrack(
                document=document(
                    f"Sample captions: {spec['title']} ({code})",
                    f"{spec['slug']}-{code}.vtt",
                    sample_files.webvtt(CAPTION_CUES[code]),
                ),
                language=code,
            )
            for code in spec["captions"]
        ]
    page.transcript = "\n\n".join(text for _start, _end, text in CAPTION_CUES["en"])
    page.transcript += "\n\n(Sample transcript written for the demo. There is no video file.)"


def link_related(pages):
    """Each resource points to up to three others that share a topic."""
    for page in pages:
        if page.related_resources.exists():
            continue
        topics = {t.pk for t in page.topics.all()}
        others = [
            other
            for other in pages
            if other.pk != page.pk and topics & {t.pk for t in other.topics.all()}
        ][:3]
        if others:
            page.related_resources = [RelatedResource(resource=other) for other in others]
            page.save_revision().publish()


# Demo associations between materials and the demo countries and stories.
COUNTRY_TAGS = {
    "qualityrights-assessment-toolkit": ["kenya", "ghana", "czechia"],
    "qualityrights-e-training": ["philippines", "turkiye", "zimbabwe", "bosnia-and-herzegovina"],
    "guidance-peer-support-groups": ["kenya", "ghana"],
    "mental-health-human-rights-legislation": ["czechia", "armenia"],
}
STORY_RESOURCES = {
    "peer-supporters-join-the-team": [
        "guidance-peer-support-groups",
        "guidance-one-to-one-peer-support",
    ],
    "staff-complete-the-etraining": ["qualityrights-e-training"],
}


def link_countries_and_stories(pages):
    """Tag some materials with demo countries, and point demo stories to materials."""

    by_slug = {page.slug: page for page in pages}
    english = CountryPage.objects.filter(locale__language_code="en")
    for slug, countries in COUNTRY_TAGS.items():
        page = by_slug[slug]
        wanted = set(english.filter(slug__in=countries).values_list("pk", flat=True))
        if set(page.countries.values_list("pk", flat=True)) != wanted:
            page.countries = list(wanted)
            page.save_revision().publish()
    for story_slug, resource_slugs in STORY_RESOURCES.items():
        for story in StoryPage.objects.filter(locale__language_code="en", slug=story_slug):
            if story.related_resources.exists():
                continue
            story.related_resources = [
                StoryRelatedResource(resource=by_slug[slug]) for slug in resource_slugs
            ]
            story.save_revision().publish()


def translate(pages):
    by_slug = {page.slug: page for page in pages}
    for slug, versions in TRANSLATIONS.items():
        source = by_slug[slug]
        for code, (title, summary) in versions.items():
            locale = Locale.objects.get(language_code=code)
            page = source.get_translation_or_none(locale) or source.copy_for_translation(locale)
            page = page.specific
            page.title, page.summary = title, summary
            page.description = RichText(f"<p>{summary}</p><p>{DEMO_NOTE}</p>").source
            page.save_revision().publish()
