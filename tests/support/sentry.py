"""For tests/portal/test_sentry.py: a Sentry transport that keeps events in memory (no
network), a URLconf with a view that fails holding a sharer's personal data, and a request
through Django's WSGI handler (as gunicorn calls it), which sentry-sdk wraps: the test
client skips it, and with it the request's URL, headers and query string."""

import logging

import sentry_sdk
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from sentry_sdk.transport import Transport

from portal import urls as portal_urls

logger = logging.getLogger("share.views")


class KeptEvents(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events = []

    def capture_envelope(self, envelope):
        self.events.extend(item.payload.json for item in envelope.items if item.type == "event")


@csrf_exempt  # the request comes without a form page first
def failing_share(request):
    """Fails as a careless view might: the posted text, name and address everywhere."""
    data = request.POST
    logger.warning("Saving the story of %s <%s>", data["name"], data["email"])
    sentry_sdk.set_extra("sharer", {"email": data["email"], "ip": request.META["REMOTE_ADDR"]})
    raise ValueError(
        f"Could not store {data['what_happened']!r} by {data['name']} ({data['email']}, "
        f"{request.META['REMOTE_ADDR']})"
    )


urlpatterns = [path("en/share/failing/", failing_share), *portal_urls.urlpatterns]


def post_through_wsgi(path, data, cookies=None, **headers):
    """The response's status line. As Django's test client does, the test's database
    connection is not closed at the end of the request."""
    factory = RequestFactory(**headers)
    for name, value in (cookies or {}).items():
        factory.cookies[name] = value
    environ = factory.post(path, data).environ
    status = []
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, lambda line, headers: status.append(line))
        response.close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return status[0]
