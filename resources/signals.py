"""Forget cached facet counts (portal/facet_cache.py) whenever what the library or the
site search counts may have changed, and index a resource again when the text of one of
its PDFs arrives."""

from django.db.models.signals import post_delete, post_save
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from portal import facet_cache


def _forget(**kwargs):
    facet_cache.forget()


def _index_resources_of(instance, **kwargs):
    from resources.models import ResourcePage

    facet_cache.forget()  # the words a search matches have changed
    # The extraction task runs after the upload, usually after the page was published.
    for page in ResourcePage.objects.filter(files__document=instance.document_id).distinct():
        index.insert_or_update_object(page)


def connect():
    from wagtail.models import Page

    from portal.taxonomy import Topic
    from resources.models import Audience
    from search.models import DocumentText

    # Every page type: the site search counts stories, countries and pages too.
    for signal in (page_published, page_unpublished):
        signal.connect(_forget, dispatch_uid=f"facets-{id(signal)}")
    post_delete.connect(_forget, sender=Page, dispatch_uid="facets-page-deleted")
    for model in (Topic, Audience):  # deleting a term drops its tags
        post_delete.connect(_forget, sender=model, dispatch_uid=f"resources-{model.__name__}")
    post_save.connect(_index_resources_of, sender=DocumentText, dispatch_uid="resources-text")
