"""A Django hello world for bench/pages.py: the yardstick the portal's pages are measured
against. One view returning a fixed HTML page of about 12 KB (the size of a portal page),
no database, no middleware, no templates: what Django and gunicorn cost on this machine
before the portal does any work.

    gunicorn --pythonpath bench hello:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

ITEM = (
    '<li><a href="/en/resources/sample-{n}/">Sample resource {n}</a>'
    "<p>A line of text standing in for a summary, as a listing shows it.</p></li>\n"
)
PAGE = (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
    "<title>Hello world</title></head><body><main><h1>Hello world</h1><ul>\n"
    + "".join(ITEM.format(n=n) for n in range(90))
    + "</ul></main></body></html>\n"
).encode()


def hello(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-hello-world-not-secret",  # noqa: S106 (serves one fixed page)
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
urlpatterns = [path("", hello)]
application = get_wsgi_application()
