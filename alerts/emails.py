"""The two emails: the confirmation link, and the digest. Both in the subscriber's
language, both with a one-click unsubscribe link (and List-Unsubscribe headers)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation

from alerts import tokens
from core import i18n


def absolute(url):
    if url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def link(name, subscription, salt):
    with translation.override(subscription.language):
        return absolute(reverse(name, args=[tokens.make(subscription, salt)]))


def page_url(page, language):
    return absolute(i18n.url_in_language(page, language))


def send(subscription, template, context):
    unsubscribe = link("alerts:unsubscribe", subscription, tokens.UNSUBSCRIBE)
    with translation.override(subscription.language):
        context = {**context, "subscription": subscription, "unsubscribe_url": unsubscribe}
        subject = render_to_string(f"alerts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"alerts/email/{template}.txt", context)
    message = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            # RFC 8058: mail clients unsubscribe with one POST, no page to read.
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


def event_when(page, language):
    """The start in the event's own time zone, in the subscriber's language."""
    with translation.override(language):
        start = page.start()
        moment = f"{formats.date_format(start, 'DATE_FORMAT')}, "
        moment += formats.date_format(start, "TIME_FORMAT")
        return f"{moment} {start.tzname()} ({page.time_zone})"


def send_confirmation(subscription):
    confirm = link("alerts:confirm", subscription, tokens.CONFIRM)
    send(subscription, "confirm", {"confirm_url": confirm})


def send_digest(subscription, stories, resources, events=()):
    language = subscription.language
    context = {
        "stories": [(page.title, page_url(page, language)) for page in stories],
        "resources": [(page.title, page_url(page, language)) for page in resources],
        "events": [
            (page.title, page_url(page, language), event_when(page, language)) for page in events
        ],
    }
    send(subscription, "digest", context)
