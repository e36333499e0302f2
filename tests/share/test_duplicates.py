"""The same story sent twice within a day is kept once, and the sharer is told."""

from datetime import timedelta

from django.utils import timezone

from share.models import Submission
from tests.support.share import form_data

URL = "/en/share/"


def test_a_story_sent_twice_is_kept_once_and_the_sharer_is_told(client, share_countries):
    first = client.post(URL, form_data())
    assert first.status_code == 302 and first.url == "/en/share/thanks/"
    # The same text again, with other spaces and capitals (a resend after a slow reply).
    again = client.post(
        URL, form_data(what_happened="  The peer support group helped me find WORK again. ")
    )
    assert again.status_code == 302 and again.url == "/en/share/thanks/?already=1"
    assert Submission.objects.count() == 1
    html = client.get(again.url).content.decode()
    assert "We had already received this story. We keep one copy" in html


def test_other_stories_and_other_days_are_kept(client, share_countries):
    client.post(URL, form_data())
    client.post(URL, form_data(what_happened="Another story from the same person."))
    client.post(URL, form_data(country="ghana"))  # the same words about another country
    assert Submission.objects.count() == 3
    Submission.objects.update(created_at=timezone.now() - timedelta(days=2))
    assert client.post(URL, form_data()).url == "/en/share/thanks/"
    assert Submission.objects.count() == 4


def test_the_thanks_page_without_the_parameter_says_received(client, share_countries):
    html = client.get("/en/share/thanks/?already=nope").content.decode()
    assert "We received your story." in html and "already received" not in html
