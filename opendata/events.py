"""The events data set: one row per public English event, its times in the event's zone
(with offset) and in UTC, and its translations' titles in columns of their own. Never
the joining information."""

import zoneinfo

from django.conf import settings
from wagtail.models import Locale

from events.models import CaptionLanguage, EventPage, Interpretation, SpokenLanguage
from opendata.rows import CHUNK, _related_slugs, _url, batched, title_column, translated_titles

BOOLEANS = ["has_live_captions", "has_sign_language", "has_easy_read", "step_free_venue"]


def event_columns():
    return [
        "id",
        "url",
        "start",
        "end",
        "time_zone",
        "start_utc",
        "end_utc",
        "format",
        "status",
        "country_iso",
        "topics",
        "languages",
        "interpretation",
        "captions",
        *BOOLEANS,
        "registration_url",
    ] + [title_column(code) for code, _name in settings.LANGUAGES]


def event_rows(request):
    titles = translated_titles()
    pages = (
        EventPage.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .annotate(**titles)
        .order_by("start_utc", "pk")
        .values(
            "pk",
            "url_path",
            "start_utc",
            "end_utc",
            "time_zone",
            "format",
            "status",
            "country__iso_code",
            "registration_url",
            *BOOLEANS,
            *titles,
        )
    )
    parents = {}
    for chunk in batched(pages.iterator(chunk_size=CHUNK), CHUNK):
        ids = [row["pk"] for row in chunk]
        topics = _related_slugs(EventPage.topics.through, "eventpage_id", "topic__slug", ids)
        spoken = _related_slugs(SpokenLanguage, "page_id", "language", ids)
        interpreted = _related_slugs(Interpretation, "page_id", "language", ids)
        captions = _related_slugs(CaptionLanguage, "page_id", "language", ids)
        for row in chunk:
            zone = zoneinfo.ZoneInfo(row["time_zone"])
            yield {
                "id": row["pk"],
                "url": _url(row["url_path"], parents, request),
                "start": row["start_utc"].astimezone(zone).isoformat(),
                "end": row["end_utc"].astimezone(zone).isoformat(),
                "time_zone": row["time_zone"],
                "start_utc": row["start_utc"].isoformat(),
                "end_utc": row["end_utc"].isoformat(),
                "format": row["format"],
                "status": row["status"],
                "country_iso": row["country__iso_code"] or "",
                "topics": " ".join(topics[row["pk"]]),
                "languages": " ".join(spoken[row["pk"]]),
                "interpretation": " ".join(interpreted[row["pk"]]),
                "captions": " ".join(captions[row["pk"]]),
                **{name: row[name] for name in BOOLEANS},
                "registration_url": row["registration_url"],
                **{column: row[column] or "" for column in titles},
            }
