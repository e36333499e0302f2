"""What other apps' pages show of the events. Country pages reach events through these
tags, so the countries app never imports events (docs/architecture.md)."""

from django import template

from events.freshness import changes_with_time
from events.lists import events_for_country, next_events

register = template.Library()


@register.simple_tag(takes_context=True)
def country_events(context, country):
    """{events, count, listing_url}: the next events of `country`."""
    found = events_for_country(country, context.get("request"))
    if found["events"]:  # with none listed, nothing here changes as time passes
        changes_with_time(context.get("request"), found["until"])
    return found


@register.simple_tag(takes_context=True)
def upcoming_events(context, limit=3):
    """{events, listing_url}: the next events anywhere, for the home page."""
    found = next_events(context.get("request"), limit)
    if found["events"]:
        changes_with_time(context.get("request"), found["until"])
    return found
