"""A story sent twice (a double click, a "resend" after a slow connection, the back
button) is kept once: the same text for the same country within a day is recognised
and the sharer is told, so the country team reads it once."""

import re
from datetime import timedelta

from django.utils import timezone

from share.models import Submission

WINDOW = timedelta(days=1)


def _normal(text):
    return re.sub(r"\s+", " ", text).strip().casefold()


def earlier_copy(data):
    """The submission already received with this text for this country in the last day,
    or None. Few stories arrive per country and day: they are compared here, not by
    the database (whose collations differ on case and spaces)."""
    text = _normal(data["what_happened"])
    recent = Submission.objects.filter(
        country__slug=data["country"],
        country__locale__language_code="en",
        created_at__gte=timezone.now() - WINDOW,
    ).only("pk", "what_happened")
    return next((s for s in recent if _normal(s.what_happened) == text), None)
