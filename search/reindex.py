"""Index a page again once everything its search fields read has been written."""

from wagtail.search import index


def index_with_relations(page, **save_kwargs):
    """Wagtail indexes a page when its own row is saved, before modelcluster writes its
    child rows and many-to-many tags; a page whose indexed fields read those (a
    resource's topics, files and languages, a story's topics) calls this at the end of
    save(). Reloaded from the database: the object in hand may hold an unpublished
    draft. A save of some fields only (a draft's revision pointer) changes nothing
    indexed, so it is skipped."""
    if save_kwargs.get("update_fields") is None:
        index.insert_or_update_object(type(page).objects.get(pk=page.pk))
