"""Many generated resources at once, for performance work (`load_demo --resources N` and
bench/library.py). Page.add_child saves one page at a time with its revision and search
index entry: minutes for a few thousand. This writes rows in batches instead, computing
the tree paths itself. Generated pages are live, have no revision and are not in the
search index; they have links (no files), so their languages are real derived data."""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from core import facet_cache
from core.taxonomy import Topic
from resources.accessibility import ACCESS_FEATURES
from resources.models import (
    Audience,
    ResourceDownloadTotal,
    ResourceLanguage,
    ResourceLink,
    ResourcePage,
    ResourceType,
)

GENERATED_PREFIX = "generated-resource-"
LANGUAGE_POOL = ["en", "fr", "es", "ar", "ru", "zh-hans", "uk", "tr", "bn", "cs"]


def generated_count():
    return ResourcePage.objects.filter(slug__startswith=GENERATED_PREFIX).count()


def _insert_resource_rows(pages):
    """Django's bulk_create refuses multi-table children, so ResourcePage's own columns
    are written with one executemany per batch."""
    fields = ResourcePage._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {ResourcePage._meta.db_table} ({columns}) VALUES ({placeholders})"
    rows = [[f.get_db_prep_save(getattr(p, f.attname), connection) for f in fields] for p in pages]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def add_generated(index, total, batch_size=2000, seed=4):
    """Make sure `total` generated resources exist under `index`; returns how many were
    added. Deterministic for a given seed, so benchmark runs are comparable."""
    existing = generated_count()
    wanted = max(total - existing, 0)
    if not wanted:
        return 0
    rng = random.Random(seed + existing)
    english = index.locale
    types = list(ResourceType.objects.filter(locale=english))
    topics = list(Topic.objects.filter(locale=english))
    audiences = list(Audience.objects.filter(locale=english))
    content_type = ContentType.objects.get_for_model(ResourcePage)
    now = timezone.now()
    index = Page.objects.get(pk=index.pk)
    for start in range(0, wanted, batch_size):
        with transaction.atomic():
            stop = min(start + batch_size, wanted)
            resources = [
                _generated(
                    index, index.numchild + i + 1, existing + i + 1, rng, now, types, content_type
                )
                for i in range(start, stop)
            ]
            created = Page.objects.bulk_create([Page(**_page_fields(r)) for r in resources])
            for page, resource in zip(created, resources, strict=True):
                resource.page_ptr_id = resource.pk = page.pk
            _insert_resource_rows(resources)
            _add_relations(resources, rng, topics, audiences)
            Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(resources))
            index.numchild += len(resources)
    ResourceDownloadTotal.add_missing()  # bulk inserts send no signal to make them
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after a mass insert
    facet_cache.forget()
    return wanted


def _page_fields(resource):
    return {
        f.attname: getattr(resource, f.attname)
        for f in Page._meta.concrete_fields
        if f.attname != "id"
    }


def _generated(index, position, number, rng, now, types, content_type):
    slug = f"{GENERATED_PREFIX}{number:06d}"
    topic_word = rng.choice(["rights", "recovery", "peer support", "community", "advocacy"])
    resource = ResourcePage(
        title=f"Generated resource {number}: {topic_word} (sample data)",
        slug=slug,
        path=Page._get_path(index.path, index.depth + 1, position),
        depth=index.depth + 1,
        numchild=0,
        url_path=f"{index.url_path}{slug}/",
        locale_id=index.locale_id,
        translation_key=uuid.uuid4(),
        content_type=content_type,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        summary=f"Sample data generated for performance work about {topic_word}.",
        description="<p>Sample data generated for performance work.</p>",
        resource_type=rng.choice(types),
        publication_date=datetime.date(rng.randint(2005, 2025), rng.randint(1, 12), 1),
    )
    resource.draft_title = resource.title
    for _slug, field, _label in ACCESS_FEATURES:
        setattr(resource, field, rng.random() < 0.2)
    return resource


def _add_relations(resources, rng, topics, audiences):
    topic_rows, audience_rows, links, languages = [], [], [], []
    TopicLink = ResourcePage.topics.through
    AudienceLink = ResourcePage.audiences.through
    for resource in resources:
        for topic in rng.sample(topics, rng.randint(1, 3)):
            topic_rows.append(TopicLink(resourcepage_id=resource.pk, topic_id=topic.pk))
        for audience in rng.sample(audiences, rng.randint(1, 3)):
            audience_rows.append(AudienceLink(resourcepage_id=resource.pk, audience_id=audience.pk))
        for order, code in enumerate(rng.sample(LANGUAGE_POOL, rng.randint(1, 4))):
            links.append(
                ResourceLink(
                    page_id=resource.pk,
                    sort_order=order,
                    language=code,
                    url=f"https://example.org/{resource.slug}/{code}",
                    label="Sample link (generated data)",
                )
            )
            languages.append(ResourceLanguage(page_id=resource.pk, language=code))
    TopicLink.objects.bulk_create(topic_rows)
    AudienceLink.objects.bulk_create(audience_rows)
    ResourceLink.objects.bulk_create(links)
    ResourceLanguage.objects.bulk_create(languages)
