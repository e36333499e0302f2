"""The translation editor's footer for those who may not publish the page (part of the
workaround in portal/wagtail_localize_review.py, deleted with it)."""

import json

from django import template
from wagtail.models import Page

from portal.wagtail_localize_review import review_for

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review(context):
    """The Review of the page being translated, or None (a snippet, or a user who may
    publish it). Its props are wagtail-localize's without "Convert to alias page"."""
    instance = context.get("instance")
    if not isinstance(instance, Page):
        return None
    review = review_for(context["request"].user, instance)
    if review is None:
        return None
    props = json.loads(context["props"])
    props["links"]["convertToAliasUrl"] = None
    review.props = json.dumps(props)
    modes = props.get("previewModes") or []
    review.preview_url = modes[0]["url"] if modes else None
    return review
