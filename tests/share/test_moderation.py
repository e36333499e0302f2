"""The moderation queue: each country team sees its own submissions only; moderators see
all; every status change is logged."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from share.models import Submission
from tests.support.share import jpeg, member_of


@pytest.fixture
def kenya_submission(share_countries):
    submission = Submission(
        what_happened="Sample story from Kenya.",
        country=share_countries["kenya"],
        role="family",
        name="Wanjiru",
        email="wanjiru@example.org",
        language="sw",
    )
    submission.image.save("photo.jpg", jpeg(), save=False)
    submission.save()
    return submission


@pytest.fixture
def users(django_user_model, share_countries):
    return {
        "kenya": member_of(django_user_model, "Kenya editors", "kenya-editor"),
        "ghana": member_of(django_user_model, "Ghana editors", "ghana-editor"),
        "moderator": member_of(django_user_model, "Moderators", "moderator"),
    }


def url(name, *args):
    return reverse(f"shared_experiences:{name}", args=args)


def test_a_kenya_submission_is_visible_to_kenya_editors_only(client, kenya_submission, users):
    client.force_login(users["kenya"])
    listing = client.get(url("index")).content.decode()
    assert url("detail", kenya_submission.pk) in listing
    assert client.get(url("detail", kenya_submission.pk)).status_code == 200
    assert client.get(url("image", kenya_submission.pk)).status_code == 200

    client.force_login(users["ghana"])
    assert url("detail", kenya_submission.pk) not in client.get(url("index")).content.decode()
    for name in ("detail", "image"):
        assert client.get(url(name, kenya_submission.pk)).status_code == 404
    for name in ("status", "convert", "withdraw"):
        assert (
            client.post(url(name, kenya_submission.pk), {"status": "declined"}).status_code == 404
        )
    kenya_submission.refresh_from_db()
    assert kenya_submission.status == "new"


def test_moderators_see_every_country(client, kenya_submission, users):
    client.force_login(users["moderator"])
    assert url("detail", kenya_submission.pk) in client.get(url("index")).content.decode()
    assert client.get(url("detail", kenya_submission.pk)).status_code == 200


def test_the_queue_is_in_the_menu_of_country_teams_only(client, users, django_user_model):
    from django.contrib.auth.models import Group, Permission

    client.force_login(users["ghana"])
    assert url("index") in client.get(reverse("wagtailadmin_home")).content.decode()
    others = Group.objects.create(name="Translators")
    others.permissions.add(Permission.objects.get(codename="access_admin"))
    translator = django_user_model.objects.create_user("translator", password="pw")
    translator.groups.add(others)
    client.force_login(translator)
    assert url("index") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "No submissions." in client.get(url("index")).content.decode()


def test_anonymous_visitors_cannot_reach_the_queue_or_the_images(client, kenya_submission):
    assert client.get(url("index")).status_code == 302
    assert client.get(url("image", kenya_submission.pk)).status_code == 302


def test_private_images_are_served_without_caching(client, kenya_submission, users):
    client.force_login(users["kenya"])
    response = client.get(url("image", kenya_submission.pk))
    assert response["Content-Type"] == "image/jpeg"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_status_changes_are_logged_and_closing_is_dated(client, kenya_submission, users):
    client.force_login(users["kenya"])
    client.post(url("status", kenya_submission.pk), {"status": "in-review"})
    client.post(url("status", kenya_submission.pk), {"status": "declined"})
    kenya_submission.refresh_from_db()
    assert kenya_submission.status == "declined"
    assert kenya_submission.closed_at is not None
    entries = ModelLogEntry.objects.for_instance(kenya_submission).order_by("timestamp")
    assert [(e.action, e.data, e.user) for e in entries] == [
        ("share.status", {"old": "new", "new": "in-review"}, users["kenya"]),
        ("share.status", {"old": "in-review", "new": "declined"}, users["kenya"]),
    ]
    assert entries.last().message == "Status changed from “In review” to “Declined”"
    # Reopening clears the closing date.
    client.post(url("status", kenya_submission.pk), {"status": "new"})
    kenya_submission.refresh_from_db()
    assert kenya_submission.closed_at is None


def test_converted_cannot_be_set_by_hand(client, kenya_submission, users):
    client.force_login(users["moderator"])
    client.post(url("status", kenya_submission.pk), {"status": "converted"})
    kenya_submission.refresh_from_db()
    assert kenya_submission.status == "new"


def test_the_detail_page_shows_consents_and_history(client, kenya_submission, users):
    client.force_login(users["kenya"])
    html = client.get(url("detail", kenya_submission.pk)).content.decode()
    assert "Must NOT be published." in html
    assert "Must NOT be contacted." in html
    assert 'lang="sw"' in html
    assert "Convert to story" not in html  # no consent to publish


def test_bad_filters_in_the_queue_are_ignored(client, kenya_submission, users):
    client.force_login(users["moderator"])
    response = client.get(url("index") + "?status=nope&p=99999999999999999999")
    assert response.status_code == 200
    assert url("detail", kenya_submission.pk) in response.content.decode()
    assert client.get(url("detail", 10**12)).status_code == 404
