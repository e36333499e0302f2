"""Which documents and images the public may fetch: those a live page without view
restrictions uses (Wagtail's reference index knows every use: a resource's language
versions, a story's image block, a link in rich text). A document or image uploaded for a
draft stays private until the page that uses it is published, and becomes private again
when that page is unpublished or restricted. Editors who may choose it in the admin still
download it; see docs/security.md.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex


def _public_page_ids():
    return Page.objects.live().public().annotate(text_pk=Cast("pk", CharField())).values("text_pk")


def _used_by_public_pages(model):
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=_public_page_ids(),
    )


def public(queryset):
    """The objects of `queryset` (documents or images) that a public live page uses."""
    used = _used_by_public_pages(queryset.model).annotate(
        used_pk=Cast("to_object_id", IntegerField())
    )
    return queryset.filter(pk__in=used.values("used_pk"))


def is_public(obj):
    return _used_by_public_pages(type(obj)).filter(to_object_id=str(obj.pk)).exists()
