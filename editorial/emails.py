"""The weekly email: the dashboard's sections (editorial/attention.py) as plain text and
HTML, in the user's admin language and time zone, with absolute links, a one-click stop
link and List-Unsubscribe headers."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.languages import bcp47
from editorial import attention, digest, tokens


def absolute(url):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _section(section):
    return {
        "title": section.title,
        "total": section.total,
        "items": [
            {
                "label": item.label,
                "url": absolute(item.url),
                "since": item.since,
                "detail": item.detail,
            }
            for item in section.items
        ],
        # The section lists a few items; the rest are behind the filtered view.
        "more_url": absolute(section.more_url) if section.total > len(section.items) else "",
    }


def send_digest(user):
    """Send the email; False (and nothing sent) when nothing waits for the user."""
    language, zone = digest.language_and_zone(user)
    with translation.override(language), timezone.override(zone):
        sections = [_section(section) for section in attention.sections_for(user) if section.total]
        if not sections:
            return False
        stop_url = absolute(reverse("editorial:stop", args=[tokens.make(user)]))
        context = {
            "sections": sections,
            "language": bcp47(language),
            "dashboard_url": absolute(reverse("wagtailadmin_home")),
            "account_url": absolute(reverse("wagtailadmin_account")),
            "stop_url": stop_url,
        }
        subject = render_to_string("editorial/email/digest_subject.txt", context).strip()
        text = render_to_string("editorial/email/digest.txt", context)
        html = render_to_string("editorial/email/digest.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{stop_url}>",
            # RFC 8058: mail clients stop the email with one POST, no page to read.
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True
