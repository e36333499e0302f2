"""The request id (core/request_id.py) and the log lines (core/log_privacy.py): JSON
lines with LOG_FORMAT=json, each with the request's id, and no email or IP address."""

import copy
import io
import json
import logging.config

import pytest
from django.conf import settings

from core.log_privacy import mask


@pytest.fixture
def json_log():
    """The portal's LOGGING as LOG_FORMAT=json configures it, written to a buffer."""
    stream = io.StringIO()
    config = copy.deepcopy(settings.LOGGING)
    config["handlers"]["console"].update(formatter="json", stream=stream)
    logging.config.dictConfig(config)
    yield stream
    logging.config.dictConfig(settings.LOGGING)


def lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_well_formed_request_id_is_kept_and_echoed(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="7f3c2a9e-1b2d-4c5e-8f90-1a2b3c4d5e6f")
    assert response["X-Request-ID"] == "7f3c2a9e-1b2d-4c5e-8f90-1a2b3c4d5e6f"


@pytest.mark.parametrize(
    "given", ["", "short", "x" * 129, "id with spaces", "id\r\nSet-Cookie: a=b", "<script>"]
)
def test_any_other_gets_a_new_one(client, db, given):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=given)
    made = response["X-Request-ID"]
    assert made != given and len(made) == 32 and int(made, 16) >= 0
    assert client.get("/healthz")["X-Request-ID"] != made  # one per request


def test_log_lines_are_json_with_the_request_id_and_no_personal_data(client, db, json_log):
    client.get(
        "/en/no-such-page/amina@example.org/?ip=198.51.100.7",
        HTTP_X_REQUEST_ID="req-0123456789",
        REMOTE_ADDR="198.51.100.7",
    )
    logging.getLogger("portal").warning("after the request, from %s", "2001:db8::1")
    first, after = lines(json_log)
    assert first["level"] == "WARNING" and first["logger"] == "django.request"
    assert first["request_id"] == "req-0123456789"
    assert first["message"] == "Not Found: /en/no-such-page/[masked]/"
    assert after["request_id"] == "-"  # the request is over
    assert after["message"] == "after the request, from [masked]"
    assert "time" in first
    everything = json_log.getvalue()
    for private in ("amina", "198.51.100.7", "2001:db8::1"):
        assert private not in everything


def test_a_traceback_is_masked_too(json_log):
    try:
        raise ValueError("refused: amina@example.org")
    except ValueError:
        logging.getLogger("portal").exception("Could not send")
    [line] = lines(json_log)
    assert "ValueError: refused: [masked]" in line["exc_info"]


def test_only_addresses_are_masked():
    assert mask("at 13:45:10 on 2026-11-30, version 1.2.3, ::1 and 10.0.0.1:8000") == (
        "at 13:45:10 on 2026-11-30, version 1.2.3, [masked] and [masked]:8000"
    )
    assert mask("a%40example.org and fe80::1ff:fe23:4567:890a") == "[masked] and [masked]"
