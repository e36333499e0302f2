"""Public output changes with the library's terms (core/freshness.py), and a resource is
indexed again when the text of one of its PDFs arrives."""

from django.db.models.signals import post_save

from core import freshness
from resources.models import Audience, ResourcePage, ResourceType
from search.models import DocumentText
from search.reindex import index_later


def _index_resources_of(instance, **kwargs):
    # The extraction task runs after the upload, usually after the page was published.
    for page in ResourcePage.objects.filter(files__document=instance.document_id).distinct():
        index_later(page)
    freshness.changed()  # the words a search matches have changed


def connect():
    freshness.watch(ResourceType, Audience)
    post_save.connect(_index_resources_of, sender=DocumentText, dispatch_uid="resources-text")
