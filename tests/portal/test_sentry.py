"""Error reports to Sentry (portal/observability.py): the event that would be sent for a
failing request that carries a sharer's story, name and address, in the body, the
exception's message, a log line, the extra data, a cookie, a header and the query
string. None of it is left; the exception's type and the request's path are."""

import json

import pytest
import sentry_sdk
from django import forms

from portal.observability import PRIVATE_FIELDS, init_sentry
from share.forms import ShareForm
from tests.support.sentry import KeptEvents, post_through_wsgi
from tests.support.worker_tasks import fail_until

STORY = "The staff at the ward listened to me for the first time"
PRIVATE = [STORY, "Wanjiru Kamau", "wanjiru@example.org", "wanjiru%40example.org", "203.0.113.9"]


@pytest.fixture
def sentry():
    transport = KeptEvents()
    # A DSN on 127.0.0.1 that is never called: the transport keeps the events.
    init_sentry("http://public@127.0.0.1:9/1", environment="test", transport=transport)
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: reporting off again


@pytest.mark.django_db
def test_the_event_sent_has_no_personal_data(sentry, settings):
    settings.ROOT_URLCONF = "tests.support.sentry"
    status = post_through_wsgi(
        "/en/share/failing/?contact=wanjiru%40example.org",
        {"what_happened": STORY, "name": "Wanjiru Kamau", "email": "wanjiru@example.org"},
        cookies={"sessionid": "session-secret-value"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_AUTHORIZATION="Bearer token-secret-value",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
        HTTP_X_REQUEST_ID="req-1234567890",
    )
    assert status.startswith("500")
    sentry_sdk.flush()
    [event] = sentry.events
    sent = json.dumps(event)
    for private in [*PRIVATE, "session-secret-value", "token-secret-value"]:
        assert private not in sent
    # What is left says what failed, and where.
    [exception] = event["exception"]["values"]
    assert exception["type"] == "ValueError"
    assert exception["value"].startswith("Could not store '[masked]' by [masked] ([masked]")
    assert event["request"]["url"].endswith("/en/share/failing/")
    assert event["request"]["method"] == "POST"
    assert event["tags"]["request_id"] == "req-1234567890"
    assert "data" not in event["request"] and "cookies" not in event["request"]
    assert set(event["request"]["headers"]) <= {"Content-Type", "Content-Length", "X-Request-Id"}
    assert "[masked]" in event["request"]["query_string"]
    crumbs = [c.get("message", "") for c in event["breadcrumbs"]["values"]]
    assert "Saving the story of [masked] <[masked]>" in crumbs


def test_every_field_a_sharer_types_into_is_private():
    typed = {
        name
        for name, field in ShareForm.base_fields.items()
        if isinstance(field, forms.CharField) and not field.widget.is_hidden
    }
    assert typed == {"what_happened", "name", "email", "website"}
    assert typed <= PRIVATE_FIELDS


def test_a_task_given_up_is_reported_once_with_its_exception(sentry):
    fail_until.enqueue(5)  # the immediate backend: it fails now, and is not retried
    sentry_sdk.flush()
    [event] = sentry.events
    assert event["exception"]["values"][-1]["type"] == "ConnectionError"
