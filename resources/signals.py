"""Forget cached facet counts whenever what the library lists may have changed."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from resources import facet_cache


def _forget(**kwargs):
    facet_cache.forget()


def connect():
    from portal.taxonomy import Topic
    from resources.models import Audience, ResourcePage

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(_forget, sender=ResourcePage, dispatch_uid=f"resources-{id(signal)}")
    for model in (Topic, Audience):  # deleting a term drops its tags
        post_delete.connect(_forget, sender=model, dispatch_uid=f"resources-{model.__name__}")
