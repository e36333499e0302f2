"""Error reports to Sentry when SENTRY_DSN is set (production settings call `init_sentry`),
with personal data removed on this server, before an event is sent.

`send_default_pii=False` keeps out the user, cookies and authentication headers, but
sentry-sdk's Django integration still attaches the request's body, and an exception's
message, a log line or a breadcrumb can quote what someone typed. So `scrub`:

- drops the request body, cookies and every header but a few harmless ones,
  and the user, and masks addresses in the query string;
- masks, anywhere in the event, the values posted in the request's private fields (a
  sharer's story, name and email: `PRIVATE_FIELDS`), and every email and IP address;
- and no local variables are collected from stack frames (they hold forms and requests).

What is left says what failed and where: the exception's type and frames, the request's
method and path, the request id (core/request_id.py), the release and environment.
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import ignore_logger

from core import request_id
from core.log_privacy import MASK, mask

# The share form's fields a person types into (share/forms.py; a test keeps this list in
# step with the form), and the alert form's address.
PRIVATE_FIELDS = {"what_happened", "name", "email", "website"}
KEPT_HEADERS = {"accept", "accept-language", "content-length", "content-type", "x-request-id"}


def _posted_private_values(request):
    data = request.get("data")
    if not isinstance(data, dict):
        return []
    values = []
    for key, value in data.items():
        if key in PRIVATE_FIELDS or "email" in key or "name" in key:
            values.extend(value if isinstance(value, list) else [value])
    # Longest first, so a value inside another is not left half masked.
    return sorted((v for v in values if isinstance(v, str) and len(v) > 1), key=len, reverse=True)


def _clean(value, private):
    if isinstance(value, str):
        for text in private:
            value = value.replace(text, MASK)
        return mask(value)
    if isinstance(value, dict):
        return {key: _clean(item, private) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(item, private) for item in value]
    return value


def scrub(event, hint=None):
    """sentry-sdk's `before_send` (and `before_send_transaction`)."""
    request = event.get("request") or {}
    private = _posted_private_values(request)
    if request:
        request.pop("data", None)
        request.pop("cookies", None)
        request.pop("env", None)
        headers = request.get("headers") or {}
        request["headers"] = {k: v for k, v in headers.items() if k.lower() in KEPT_HEADERS}
    event.pop("user", None)
    event = _clean(event, private)
    event.setdefault("tags", {})
    if request_id.current() != request_id.NONE:
        event["tags"]["request_id"] = request_id.current()
    return event


def init_sentry(dsn, environment="production", release=None, transport=None):
    # A failed task is reported once, with its stack, when it is given up
    # (portal/worker.py); not as one message per attempt from the task loggers.
    for name in ("django_tasks", "portal.worker"):
        ignore_logger(name)
    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environment,
        release=release or None,
        send_default_pii=False,
        include_local_variables=False,
        # Read here so `scrub` knows what was posted; `scrub` drops it before sending.
        max_request_body_size="always",
        before_send=scrub,
        before_send_transaction=scrub,
        traces_sample_rate=0,
        transport=transport,
    )
