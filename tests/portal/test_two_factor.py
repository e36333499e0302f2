"""Two-factor sign-in (wagtail-2fa, TOTP; portal/two_factor.py): optional for every admin
user, required of superusers and Moderators when PORTAL_REQUIRE_2FA is on."""

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN = "/admin/"
SETUP = "/admin/2fa/devices/new"
VERIFY = "/admin/2fa/auth"
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _page_tree(portal_site):
    # The dashboard needs the page tree, which a browser test earlier in the run may
    # have flushed.
    return portal_site


def token(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def admin_user(django_user_model, username, group=None, **fields):
    user = django_user_model.objects.create_user(username, password=PASSWORD, **fields)
    if group:
        group, _created = Group.objects.get_or_create(name=group)
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        user.groups.add(group)
    return user


@pytest.fixture
def superuser(django_user_model):
    return admin_user(django_user_model, "root", is_superuser=True, is_staff=True)


@pytest.fixture
def moderator(django_user_model):
    return admin_user(django_user_model, "moderator", group="Moderators")


@pytest.fixture
def country_editor(django_user_model):
    return admin_user(django_user_model, "kenya-editor", group="Kenya editors")


@pytest.fixture
def required(settings):
    settings.PORTAL_REQUIRE_2FA = True


def sign_in(client, user):
    """Through the admin's sign-in form, as a person would."""
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD, "next": ADMIN}
    )
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == ADMIN


def with_device(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def test_not_required_by_default(settings):
    assert settings.PORTAL_REQUIRE_2FA is False


@pytest.mark.parametrize("who", ["superuser", "moderator"])
def test_required_user_without_device_is_sent_to_set_one_up(client, required, who, request):
    user = request.getfixturevalue(who)
    sign_in(client, user)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next={ADMIN}"
    # Nowhere else in the admin either.
    assert client.get("/admin/pages/").status_code == 302

    # The set-up page (wagtail-2fa's, on this Wagtail) with its QR code.
    setup = client.get(SETUP)
    assert setup.status_code == 200
    assert "otp_token" in setup.content.decode()
    assert client.get("/admin/2fa/devices/qr-code").status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(
        SETUP, {"name": "phone", "otp_token": token(device), "password": PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()
    device.refresh_from_db()
    assert device.confirmed

    # Set up and verified by the set-up: the dashboard loads.
    assert client.get(ADMIN).status_code == 200


def test_setup_needs_a_valid_token(client, required, superuser):
    sign_in(client, superuser)
    client.get(SETUP)
    response = client.post(SETUP, {"name": "phone", "otp_token": "000000", "password": PASSWORD})
    assert response.status_code == 200
    assert "Invalid token" in response.content.decode()
    assert client.get(ADMIN).status_code == 302


@pytest.mark.parametrize("who", ["superuser", "moderator"])
def test_required_user_with_device_must_enter_a_valid_token(client, required, who, request):
    user = request.getfixturevalue(who)
    device = with_device(user)
    sign_in(client, user)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next={ADMIN}"
    assert client.get(VERIFY).status_code == 200

    wrong = client.post(VERIFY, {"otp_token": "000000", "next": ADMIN})
    assert wrong.status_code == 200  # the form again
    assert client.get(ADMIN).status_code == 302

    # django-otp then refuses every code for a moment (throttling); let that pass.
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    right = client.post(VERIFY, {"otp_token": token(device), "next": ADMIN})
    assert right.status_code == 302
    assert right["Location"] == ADMIN
    dashboard = client.get(ADMIN)
    assert dashboard.status_code == 200
    assert "Dashboard" in dashboard.content.decode()


def test_a_country_team_member_is_not_forced(client, required, country_editor):
    sign_in(client, country_editor)
    assert client.get(ADMIN).status_code == 200


@pytest.mark.parametrize("who", ["superuser", "moderator"])
def test_nobody_is_forced_when_not_required(client, who, request):
    sign_in(client, request.getfixturevalue(who))
    assert client.get(ADMIN).status_code == 200


def test_any_admin_user_may_enable_it_and_is_then_asked(client, country_editor):
    # Optional: a country editor adds a device from their account page...
    sign_in(client, country_editor)
    devices = f"/admin/2fa/devices/{country_editor.pk}"
    assert devices in client.get("/admin/account/").content.decode()
    assert client.get(devices).status_code == 200
    assert client.get(SETUP).status_code == 200
    device = TOTPDevice.objects.get(user=country_editor)
    response = client.post(
        SETUP, {"name": "phone", "otp_token": token(device), "password": PASSWORD}
    )
    assert response.status_code == 302
    client.logout()

    # ...and from then on signs in with a code, though nobody requires it.
    sign_in(client, country_editor)
    response = client.get(ADMIN)
    assert response["Location"] == f"{VERIFY}?next={ADMIN}"


def test_a_user_with_a_device_is_asked_even_when_not_required(client, superuser):
    device = with_device(superuser)
    sign_in(client, superuser)
    assert client.get(ADMIN)["Location"] == f"{VERIFY}?next={ADMIN}"
    client.post(VERIFY, {"otp_token": token(device), "next": ADMIN})
    assert client.get(ADMIN).status_code == 200


def test_anonymous_responses_do_not_vary_on_cookie(client, portal_site):
    # Anonymous requests carry no session cookie: the middleware leaves the session
    # unread, so public pages do not vary on Cookie and caches can share them.
    response = client.get("/en/")
    assert response.status_code == 200
    assert "cookie" not in response.get("Vary", "").lower()


def test_a_user_with_several_devices_chooses_one(client, country_editor):
    with_device(country_editor)
    tablet = TOTPDevice.objects.create(user=country_editor, name="tablet", confirmed=True)
    sign_in(client, country_editor)
    page = client.get(VERIFY).content.decode()
    assert 'name="otp_device"' in page and "tablet" in page
    client.post(
        VERIFY, {"otp_token": token(tablet), "otp_device": tablet.persistent_id, "next": ADMIN}
    )
    assert client.get(ADMIN).status_code == 200


def test_a_device_of_someone_else_does_not_verify(client, country_editor, superuser):
    with_device(country_editor)
    theirs = with_device(superuser)
    sign_in(client, country_editor)
    client.post(
        VERIFY, {"otp_token": token(theirs), "otp_device": theirs.persistent_id, "next": ADMIN}
    )
    assert client.get(ADMIN)["Location"] == f"{VERIFY}?next={ADMIN}"


def test_administrators_manage_users_devices_from_the_user_list(client, superuser, country_editor):
    sign_in(client, superuser)
    users = client.get("/admin/users/")
    assert users.status_code == 200
    assert f"/admin/2fa/devices/{country_editor.pk}" in users.content.decode()
