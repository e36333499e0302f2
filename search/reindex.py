"""Index a page again once everything its search fields read has been written."""

from wagtail.search.tasks import insert_or_update_object_task


def index_later(instance):
    """Wagtail's own indexing task (a background task in production: the worker reads the
    object from the database once the transaction that changed it has committed)."""
    meta = instance._meta
    insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, str(instance.pk))


def index_with_relations(page, **save_kwargs):
    """Wagtail indexes a page when its own row is saved, before modelcluster writes its
    child rows and many-to-many tags; a page whose indexed fields read those (a
    resource's topics, files and languages, a story's topics) calls this at the end of
    save(). Reloaded from the database: the object in hand may hold an unpublished
    draft. A save of some fields only (a draft's revision pointer) changes nothing
    indexed, so it is skipped."""
    if save_kwargs.get("update_fields") is None:
        index_later(page)
