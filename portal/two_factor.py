"""Two-factor authentication for the admin (wagtail-2fa, TOTP; docs/security.md).

Any admin user may add a device (account menu, "Manage your 2FA devices"); once they have
one, every sign-in asks for a code. With PORTAL_REQUIRE_2FA on, superusers and Moderators
must have one: without a device they are sent to set one up before reaching the admin."""

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa import forms as wagtail_2fa_forms
from wagtail_2fa import views as wagtail_2fa_views
from wagtail_2fa.middleware import VerifyUserMiddleware

from countries.workflow import MODERATORS


def must_use_2fa(user):
    return bool(
        settings.PORTAL_REQUIRE_2FA
        and user.is_authenticated
        and (user.is_superuser or user.groups.filter(name=MODERATORS).exists())
    )


class TwoFactorMiddleware(VerifyUserMiddleware):
    """wagtail-2fa's middleware (itself django-otp's OTPMiddleware, which gives
    request.user.is_verified()), deciding per user rather than for every admin user:
    verification is asked of users who have a device or must have one."""

    def process_request(self, request):
        self._install_lazy_accessors(request)
        # No session cookie, no signed-in user. Not reading the session keeps public pages
        # and the API free of "Vary: Cookie", so caches can share them.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        user = request.user
        has_device = django_otp.user_has_device(user, confirmed=True)
        # wagtail-2fa's menu hook shows an unverified user with this flag only "2FA Setup".
        user.enable_2fa = has_device or must_use_2fa(user)
        if not self._require_verified_user(request):
            return None
        if has_device:
            if user.is_verified():
                return None
            return redirect_to_login(request.get_full_path(), reverse("wagtail_2fa_auth"))
        return redirect_to_login(request.get_full_path(), reverse("wagtail_2fa_device_new"))

    def _require_verified_user(self, request):
        # wagtail-2fa's rules first: signed in, may use the admin, and not on the sign-in,
        # sign-out, code or (for users without a device) device set-up pages.
        try:
            admin_user = super()._require_verified_user(request)
        except Resolver404:
            return False  # nothing is served but the 404
        return admin_user and request.user.enable_2fa


class TokenForm(wagtail_2fa_forms.TokenForm):
    """wagtail-2fa 1.8.0's code form names no device, and django-otp >= 1.7.1 no longer
    tries each of the user's devices, so every code would be refused
    (labd/wagtail-2fa#284). This one uses the user's device, or asks which one when
    they have several."""

    otp_device = forms.ChoiceField(label=TOTPDevice._meta.verbose_name, required=False)

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.devices = (
            list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
            if user.is_authenticated
            else []
        )
        self.fields["otp_device"].choices = [(d.persistent_id, d.name) for d in self.devices]

    @property
    def extra_fields(self):
        # wagtail-2fa's template shows these under the code field.
        return [("otp_device", self["otp_device"])] if len(self.devices) > 1 else []

    def _chosen_device(self, user):
        # django-otp's choice, checked to be this user's; else their only device.
        device = super()._chosen_device(user)
        if device is None and len(self.devices) == 1:
            device = self.devices[0]
        return device


class VerifyView(wagtail_2fa_views.LoginView):
    """wagtail-2fa's "enter your code" page with the form above (portal/urls.py routes
    /admin/2fa/auth here, under wagtail-2fa's URL name)."""

    form_class = TokenForm
