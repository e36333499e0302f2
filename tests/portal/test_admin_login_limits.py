"""The admin's ways in are limited: sign-in locks out per account and per client address
(django-axes), password reset answers 429 past its limit (portal/auth_limits.py)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _page_tree(portal_site):
    # The dashboard needs the page tree, which a browser test earlier in the run may
    # have flushed.
    return portal_site


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", password=PASSWORD
    )


def sign_in(client, username, password, address="192.0.2.1", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def assert_locked_out(response):
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    text = response.content.decode()
    # The admin's look (Wagtail's login layout), a clear message, a way back.
    assert 'class="login' in text
    assert "Too many attempts" in text
    assert "Too many failed sign-in attempts" in text
    assert "60 minutes" in text
    assert 'href="/admin/login/"' in text


def test_the_right_password_signs_in(client, editor):
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_an_account_locks_after_five_failures_even_from_five_addresses(client, editor):
    for attempt in range(4):
        response = sign_in(client, "editor", "wrong", address=f"198.51.100.{attempt}")
        assert response.status_code == 200  # the form again, with its error
        assert "Too many attempts" not in response.content.decode()
    assert_locked_out(sign_in(client, "editor", "wrong", address="198.51.100.4"))
    # Locked: the right password from yet another address is refused unchecked.
    assert_locked_out(sign_in(client, "editor", PASSWORD, address="198.51.100.5"))
    assert not signed_in(client)


def test_one_address_cannot_try_many_accounts(client, editor, django_user_model):
    django_user_model.objects.create_user("other", password=PASSWORD)
    for name in ["alice", "bob", "carol", "dave"]:
        assert sign_in(client, name, "wrong", address="203.0.113.9").status_code == 200
    assert_locked_out(sign_in(client, "erin", "wrong", address="203.0.113.9"))
    # Every account is closed to that address, the right password too...
    assert_locked_out(sign_in(client, "other", PASSWORD, address="203.0.113.9"))
    assert not signed_in(client)
    # ...while the accounts stay open from anywhere else.
    assert sign_in(client, "editor", PASSWORD, address="203.0.113.10").status_code == 302
    assert signed_in(client)


def test_behind_a_proxy_the_client_address_comes_from_client_ip_header(client, editor, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    proxy = "10.0.0.2"  # every request arrives from the proxy
    for name in ["alice", "bob", "carol", "dave", "erin"]:
        response = sign_in(client, name, "wrong", address=proxy, HTTP_X_REAL_IP="203.0.113.7")
    assert_locked_out(response)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    # Another visitor behind the same proxy is not locked out with them.
    response = sign_in(client, "editor", PASSWORD, address=proxy, HTTP_X_REAL_IP="203.0.113.8")
    assert response.status_code == 302
    assert signed_in(client)


def lock_editor(client):
    for attempt in range(5):
        response = sign_in(client, "editor", "wrong", address=f"198.51.100.{attempt}")
    assert_locked_out(response)


def test_the_lockout_ends_after_the_cool_off(client, editor):
    lock_editor(client)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=59))
    assert_locked_out(sign_in(client, "editor", PASSWORD))
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=61))
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert signed_in(client)


def test_tries_during_the_lockout_do_not_extend_it(client, editor):
    lock_editor(client)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=61))
    # Cool-off over; had the refused try above been counted, it would still be locked.
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_an_administrator_unlocks_with_axes_reset(client, editor):
    lock_editor(client)
    call_command("axes_reset_username", "editor")
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    lock_editor(client)
    call_command("axes_reset")
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_the_cool_off_and_limit_come_from_settings(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    assert sign_in(client, "editor", "wrong").status_code == 200
    response = sign_in(client, "editor", "wrong")
    assert response.status_code == 429
    assert "15 minutes" in response.content.decode()
    assert response["Retry-After"] == "900"


def test_the_test_clients_login_still_works(client, editor):
    # Test client's login() calls authenticate() without a request; axes' own backend
    # would raise, the portal's lets ModelBackend decide.
    assert client.login(username="editor", password="wrong") is False
    assert client.login(username="editor", password=PASSWORD) is True
    assert client.get("/admin/").status_code == 200


def reset(client, email, address="192.0.2.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_password_reset_sends_mail_within_the_limit(client, editor):
    response = reset(client, "editor@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["editor@example.org"]


def test_password_reset_is_limited_per_email_address(client, editor):
    for attempt in range(5):
        response = reset(client, "Editor@Example.org ", address=f"198.51.100.{attempt}")
        assert response.status_code == 302
    assert len(mail.outbox) == 5
    response = reset(client, "editor@example.org", address="198.51.100.9")
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    text = response.content.decode()
    assert "Too many password reset requests" in text
    assert 'class="login' in text
    assert len(mail.outbox) == 5  # none past the limit
    # Other people's resets still go through.
    assert reset(client, "someone@example.org", address="198.51.100.9").status_code == 302


def test_password_reset_is_limited_per_client_address(client, editor):
    for name in ["a", "b", "c", "d", "e"]:
        assert reset(client, f"{name}@example.org", address="203.0.113.9").status_code == 302
    response = reset(client, "editor@example.org", address="203.0.113.9")
    assert response.status_code == 429
    assert "Too many password reset requests" in response.content.decode()
    assert mail.outbox == []  # the one real account's reset was not sent
    # The form still shows (GET is not counted), and other addresses can reset.
    assert client.get(RESET, REMOTE_ADDR="203.0.113.9").status_code == 200
    assert reset(client, "editor@example.org", address="203.0.113.10").status_code == 302
    assert len(mail.outbox) == 1


def test_password_reset_behind_a_proxy_counts_the_client_address(client, editor, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for name in ["a", "b", "c", "d", "e"]:
        response = client.post(
            RESET, {"email": f"{name}@example.org"}, HTTP_X_REAL_IP="203.0.113.7"
        )
        assert response.status_code == 302
    locked = client.post(RESET, {"email": "f@example.org"}, HTTP_X_REAL_IP="203.0.113.7")
    assert locked.status_code == 429
    other = client.post(RESET, {"email": "editor@example.org"}, HTTP_X_REAL_IP="203.0.113.8")
    assert other.status_code == 302
    assert len(mail.outbox) == 1
