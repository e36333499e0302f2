"""Editors in the admin: a bad event is sent back with messages, never a server error."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage
from tests.support.events import events_index

pytestmark = pytest.mark.django_db


def form(**changes):
    data = {
        "title": "Webinar",
        "slug": "webinar",
        "summary": "A webinar.",
        "description": rich_text(""),
        "start_date": "2026-06-01",
        "start_time": "15:00",
        "end_date": "",
        "end_time": "16:30",
        "time_zone": "Europe/Zurich",
        "status": "scheduled",
        "format": "online",
        "venue_name": "",
        "venue_address": "",
        "online_url": "",
        "online_details": "",
        "organisers": "WHO",
        "registration_url": "https://example.org/register",
        "registration_deadline": "",
        "accessibility_contact": "",
        "agenda": streamfield([]),
        "spoken_languages": inline_formset([{"language": "en"}]),
        "interpretation_languages": inline_formset([{"language": "ils"}]),
        "caption_languages": inline_formset([]),
        "speakers": inline_formset([]),
        "related_resources": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def add_url(portal_site, admin_client):
    return f"/admin/pages/add/events/eventpage/{events_index(portal_site).pk}/"


def test_an_editor_adds_an_event(admin_client, add_url):
    response = admin_client.post(add_url, form())
    assert response.status_code == 302, response.content[-3000:]
    event = EventPage.objects.get(slug="webinar")
    assert event.start_utc.hour == 13 and event.has_sign_language


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"time_zone": "Z" * 5000}, "at most 64 characters"),
        ({"time_zone": "Europe/Geneva"}, "Europe/Zurich for Geneva"),
        ({"end_time": "14:00"}, "The event must end after it starts."),
        ({"registration_url": ""}, "joining information or a registration web address"),
        ({"start_date": "2026-03-29", "start_time": "02:30"}, "does not exist"),
    ],
)
def test_a_bad_event_comes_back_with_a_message(admin_client, add_url, changes, message):
    response = admin_client.post(add_url, form(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EventPage.objects.filter(slug="webinar").exists()
