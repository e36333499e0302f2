"""The agenda of an event: one item per session, in the event's local time."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class AgendaItemBlock(blocks.StructBlock):
    start = blocks.TimeBlock(label=_("Starts at (event's time zone)"))
    end = blocks.TimeBlock(label=_("Ends at"), required=False)
    title = blocks.CharBlock(label=_("Session"), max_length=200)
    description = blocks.TextBlock(required=False)
    speakers = blocks.CharBlock(required=False, max_length=300, help_text=_("Names, if any."))

    class Meta:
        icon = "time"
        template = "events/blocks/agenda_item.html"


class AgendaBlock(blocks.StreamBlock):
    item = AgendaItemBlock()
