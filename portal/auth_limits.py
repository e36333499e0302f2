"""Limits on the admin's ways in (docs/security.md): sign-in lockouts through django-axes
and a cap on password-reset requests. Both read the client's address through
core.ratelimit.client_address, so the one CLIENT_IP_HEADER setting serves them."""

import hashlib

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.admin.views.account import PasswordResetView

from core.ratelimit import over_limit

PASSWORD_RESET_WINDOW = 60 * 60  # seconds: PORTAL_PASSWORD_RESET_LIMIT counts per hour


class AxesBackend(AxesStandaloneBackend):
    """django-axes' lockout check (it authenticates nobody; ModelBackend does).

    Axes refuses authenticate() calls without a request, which the test client's
    login(), the shell and management commands make. Those have no client address to
    count and are not reachable from outside, so they skip the check; every web form
    (Wagtail's sign-in, wagtail-2fa's device form, DRF's basic auth) passes its request
    and is counted."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def _too_many(request, message, retry_after):
    response = render(request, "portal/too_many_attempts.html", {"message": message}, status=429)
    response["Retry-After"] = str(int(retry_after))
    return response


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the page shown instead of the sign-in form once an account or
    an address has had AXES_FAILURE_LIMIT failures, in the admin's look, with a 429."""
    seconds = get_cool_off(request).total_seconds()
    message = _(
        "Too many failed sign-in attempts for this account or from this address. "
        "Sign-in is locked for %(minutes)d minutes; an administrator can unlock it sooner."
    ) % {"minutes": int(seconds // 60)}
    return _too_many(request, message, seconds)


def _as_sender(email):
    """A stand-in request whose address is (a hash of) the submitted email address:
    over_limit counts per client address, and this makes it count per email address.
    over_limit hashes it again, so the cache never holds the email in clear."""
    stand_in = HttpRequest()
    stand_in.META["REMOTE_ADDR"] = hashlib.sha256(email.encode()).hexdigest()
    return stand_in


_wagtail_password_reset = PasswordResetView.as_view()


def password_reset(request, *args, **kwargs):
    """Wagtail's password-reset view, limited per client address and per submitted email
    address: past PORTAL_PASSWORD_RESET_LIMIT requests an hour it answers 429 and sends
    no mail, so the form can neither flood someone's inbox nor probe many addresses."""
    if request.method == "POST":
        limit = settings.PORTAL_PASSWORD_RESET_LIMIT
        email = request.POST.get("email", "").strip().casefold()
        if over_limit(request, "password-reset", limit, PASSWORD_RESET_WINDOW) or (
            email
            and over_limit(_as_sender(email), "password-reset-email", limit, PASSWORD_RESET_WINDOW)
        ):
            return _too_many(
                request,
                _(
                    "Too many password reset requests from this address or for this email "
                    "address. Wait an hour and try again, or ask an administrator."
                ),
                PASSWORD_RESET_WINDOW,
            )
    return _wagtail_password_reset(request, *args, **kwargs)
