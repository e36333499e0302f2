"""The client's address behind a proxy: the last entry of the forwarded header, which the
trusted proxy wrote; the entries before it come from the client."""

from django.test import RequestFactory

from core.ratelimit import client_address


def test_the_address_the_proxy_saw_counts_not_what_the_client_claims(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7", REMOTE_ADDR="10.0.0.2"
    )
    assert client_address(request) == "198.51.100.7"


def test_without_the_header_the_connection_address_counts(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"
