"""Forget cached facet counts (portal/facet_cache.py) whenever what the library or the
site search counts may have changed, and index a resource again when the text of one of
its PDFs arrives."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import facet_cache
from core.taxonomy import Topic
from resources.models import Audience, ResourcePage
from search.models import DocumentText


def _forget(**kwargs):
    facet_cache.forget()


def _index_resources_of(instance, **kwargs):
    # The extraction task runs after the upload, usually after the page was published.
    for page in ResourcePage.objects.filter(files__document=instance.document_id).distinct():
        index.insert_or_update_object(page)
    facet_cache.forget()  # the words a search matches have changed


def connect():
    # Every page type: the site search counts stories, countries and pages too.
    for signal in (page_published, page_unpublished):
        signal.connect(_forget, dispatch_uid=f"facets-{id(signal)}")
    post_delete.connect(_forget, sender=Page, dispatch_uid="facets-page-deleted")
    post_page_move.connect(_forget, dispatch_uid="facets-page-moved")  # a story's country
    for signal in (post_save, post_delete):  # the site search lists public pages only
        signal.connect(_forget, sender=PageViewRestriction, dispatch_uid=f"facets-{id(signal)}-r")
    for model in (Topic, Audience):  # deleting a term drops its tags
        post_delete.connect(_forget, sender=model, dispatch_uid=f"resources-{model.__name__}")
    post_save.connect(_index_resources_of, sender=DocumentText, dispatch_uid="resources-text")
