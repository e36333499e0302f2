"""Builders for the resources tests: a library page and resources with real files."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from core.taxonomy import Topic
from demo.resource_content import AUDIENCES, TYPES
from demo.sample_files import pdf_bytes
from resources.models import (
    Audience,
    ResourceFile,
    ResourceIndexPage,
    ResourceLink,
    ResourcePage,
    ResourceType,
)


def pdf_document(title, pages=2, content=None):
    document = get_document_model()(title=title)
    name = f"{slugify(title)}.pdf"
    document.file.save(name, ContentFile(content or pdf_bytes(title, "en", pages)), save=False)
    document.save()
    return document


def make_resource(
    index,
    title,
    *,
    kind="guidance",
    topics=(),
    audiences=(),
    files=("en",),
    links=(),
    year=2020,
    **fields,
):
    english = Locale.objects.get(language_code="en")
    page = ResourcePage(
        title=title,
        slug=slugify(title),
        summary=fields.pop("summary", f"Summary of {title}."),
        description=fields.pop("description", "<p>A resource for the tests.</p>"),
        resource_type=ResourceType.objects.get(locale=english, slug=kind),
        publication_date=datetime.date(year, 6, 1),
        **fields,
    )
    page.topics = list(Topic.objects.filter(locale=english, slug__in=topics))
    page.audiences = list(Audience.objects.filter(locale=english, slug__in=audiences))
    page.files = [
        ResourceFile(document=pdf_document(f"{title} {code}"), language=code) for code in files
    ]
    page.links = [
        ResourceLink(url="https://example.org/", label="Elsewhere", language=code) for code in links
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_library(home):
    """The resource taxonomies and an English library page under `home`."""
    english = home.locale
    # Live-server tests flush the database, and with it the root collection that
    # Wagtail's migrations made; documents and images need it.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    for model, terms in ((ResourceType, TYPES), (Audience, AUDIENCES)):
        for slug, name in terms.items():
            model.objects.get_or_create(locale=english, slug=slug, defaults={"name": name})
    index = ResourceIndexPage(title="Resource library", slug="resources", locale=english)
    home.add_child(instance=index)
    return index


@pytest.fixture
def library(portal_site):
    return build_library(portal_site)


@pytest.fixture
def live_library(live_portal_site):
    return build_library(live_portal_site)
