"""Forget cached facet counts whenever what the library lists may have changed, and
index a resource again when the text of one of its PDFs arrives."""

from django.db.models.signals import post_delete, post_save
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from resources import facet_cache


def _forget(**kwargs):
    facet_cache.forget()


def _index_resources_of(instance, **kwargs):
    from resources.models import ResourcePage

    # The extraction task runs after the upload, usually after the page was published.
    for page in ResourcePage.objects.filter(files__document=instance.document_id).distinct():
        index.insert_or_update_object(page)


def connect():
    from portal.taxonomy import Topic
    from resources.models import Audience, ResourcePage
    from search.models import DocumentText

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(_forget, sender=ResourcePage, dispatch_uid=f"resources-{id(signal)}")
    for model in (Topic, Audience):  # deleting a term drops its tags
        post_delete.connect(_forget, sender=model, dispatch_uid=f"resources-{model.__name__}")
    post_save.connect(_index_resources_of, sender=DocumentText, dispatch_uid="resources-text")
