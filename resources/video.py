"""The embedded player for a video hosted elsewhere (YouTube, Vimeo... via oEmbed)."""

import logging

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

logger = logging.getLogger(__name__)


def embed_html(url, title):
    """The provider's player, with a `title` on its iframe (screen readers announce the
    frame by it; providers often leave it out). Empty when the provider cannot be
    reached: the page still links to the video."""
    try:
        html = embeds.get_embed(url, max_width=640).html
    except EmbedException:
        logger.warning("No embed for %s", url, exc_info=True)
        return ""
    if "<iframe" in html and " title=" not in html:
        html = html.replace("<iframe", f'<iframe title="{escape(title)}"', 1)
    return mark_safe(html)  # the configured oEmbed providers are trusted
