"""Limits the search box shares with the search engine, read from search.query so the
template never repeats them."""

from django import template

from search.query import MAX_QUERY_LENGTH

register = template.Library()


@register.simple_tag
def max_query_length():
    """The longest query the engine reads (longer ones are cut): the box's maxlength."""
    return MAX_QUERY_LENGTH
