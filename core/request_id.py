"""Each request's id, for finding one request's log lines (and its Sentry event).

Taken from the `X-Request-ID` header when a proxy sent a well-formed one (nginx's
`$request_id`, a UUID), made up otherwise; echoed in the response's header and put on
every log line written while the request is handled (`RequestIdFilter`). It is kept until
the response is closed, so Django's own "Not Found" and "Internal Server Error" lines,
written after the middleware returns, carry it too.
"""

import contextvars
import logging
import re
import uuid

from django.core.signals import request_finished

HEADER = "X-Request-ID"
# Letters, digits and - _ . only: it goes into log lines and a response header as is.
WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,128}")
NONE = "-"

_current = contextvars.ContextVar("request_id", default=NONE)


def current():
    return _current.get()


def _forget(**kwargs):
    _current.set(NONE)


request_finished.connect(_forget, dispatch_uid="core.request_id")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request.request_id = given if WELL_FORMED.fullmatch(given) else uuid.uuid4().hex
        _current.set(request.request_id)
        response = self.get_response(request)
        response[HEADER] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Puts `request_id` on every record (`-` outside a request: the worker, commands)."""

    def filter(self, record):
        record.request_id = current()
        return True
