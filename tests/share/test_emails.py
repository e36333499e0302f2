"""Emails and withdrawal: the team is told without the sharer's contact details; the
sharer's link leads to a request that a moderator confirms."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from countries.models import StoryPage
from share.models import Submission
from tests.support import countries as build
from tests.support.share import form_data, member_of

URL = "/en/share/"


@pytest.fixture
def team(django_user_model, share_countries):
    return {
        "kenya": member_of(django_user_model, "Kenya editors", "ke", email="team@ke.example"),
        "moderator": member_of(django_user_model, "Moderators", "mod", email="mod@example.org"),
    }


def share_with_contact(client, **fields):
    data = form_data(
        name="Wanjiru", email="wanjiru@example.org", consent_contact="on", consent_publish="on"
    )
    data.update(fields)
    assert client.post(URL, data).status_code == 302
    return Submission.objects.latest("pk")


def test_the_country_team_is_told_without_contact_details(client, team):
    item = share_with_contact(client)
    to_team = [m for m in mail.outbox if m.to == ["team@ke.example"]]
    assert len(to_team) == 1
    message = to_team[0]
    assert "Kenya" in message.subject
    assert reverse("shared_experiences:detail", args=[item.pk]) in message.body
    for private in ("Wanjiru", "wanjiru@example.org", item.what_happened):
        assert private not in message.body and private not in message.subject


def test_moderators_hear_when_the_team_has_no_email(client, share_countries, django_user_model):
    member_of(django_user_model, "Moderators", "mod", email="mod@example.org")
    member_of(django_user_model, "Kenya editors", "ke")  # no address
    client.post(URL, form_data())
    assert [m.to for m in mail.outbox] == [["mod@example.org"]]


def test_the_sharer_gets_a_confirmation_in_their_language(client, team):
    client.post("/fr/share/", form_data(email="wanjiru@example.org", consent_contact="on"))
    to_sharer = [m for m in mail.outbox if m.to == ["wanjiru@example.org"]]
    assert len(to_sharer) == 1
    assert "/fr/share/withdraw/" in to_sharer[0].body


def test_no_email_to_a_sharer_who_did_not_allow_contact(client, team):
    client.post(URL, form_data(email="wanjiru@example.org"))
    assert not [m for m in mail.outbox if m.to == ["wanjiru@example.org"]]


def withdraw_link(item):
    body = next(m.body for m in mail.outbox if m.to == [item.email])
    return re.search(r"http://testserver(/\S+)", body).group(1)


def test_withdrawal_request_then_moderator_confirmation(client, team, share_countries):
    item = share_with_contact(client)
    link = withdraw_link(item)
    page = client.get(link)
    assert page.status_code == 200
    assert "Yes, withdraw my story" in page.content.decode()
    assert Submission.objects.get(pk=item.pk).withdrawal_requested_at is None  # GET alone

    client.force_login(team["kenya"])
    client.post(reverse("shared_experiences:convert", args=[item.pk]))
    story = StoryPage.objects.get()
    story.summary = "A peer worker's support after a hospital stay."
    story.advances_participation = True
    build.publish(story)
    story.refresh_from_db()
    assert story.live
    client.logout()

    mail.outbox.clear()
    done = client.post(link)
    assert "We received your request" in done.content.decode()
    item.refresh_from_db()
    assert item.withdrawal_requested_at is not None
    assert [m.to for m in mail.outbox] == [["team@ke.example"]]
    assert "Withdrawal requested" in mail.outbox[0].subject

    # A country editor cannot confirm; a moderator can.
    client.force_login(team["kenya"])
    confirm = reverse("shared_experiences:withdraw", args=[item.pk])
    assert client.post(confirm).status_code == 403
    client.force_login(team["moderator"])
    assert client.post(confirm).status_code == 302
    assert not Submission.objects.filter(pk=item.pk).exists()
    story.refresh_from_db()
    assert not story.live
    assert client.get(link).status_code == 404


def test_the_image_file_goes_with_a_withdrawn_submission(client, team):
    from tests.support.share import jpeg

    client.post(URL, {**form_data(), "image": jpeg()})
    item = Submission.objects.get()
    path = item.image.path
    item.withdrawal_requested_at = item.created_at
    item.save()
    client.force_login(team["moderator"])
    client.post(reverse("shared_experiences:withdraw", args=[item.pk]))
    import os

    assert not os.path.exists(path)


@pytest.mark.parametrize("token", ["nonsense", "MQ:1tYx:abc", "1"])
def test_a_bad_withdrawal_link_is_a_friendly_404(client, share_countries, token):
    response = client.get(f"/en/share/withdraw/{token}/")
    assert response.status_code == 404
    assert "We could not find this story" in response.content.decode()


def test_a_link_does_not_match_a_later_submission_with_the_same_number(client, team):
    from share.withdrawal import find_submission, make_token

    item = share_with_contact(client)
    token = make_token(item)
    item.created_at = item.created_at.replace(year=2020)
    item.save()
    assert find_submission(token) is None
    assert find_submission(make_token(item)) == item
