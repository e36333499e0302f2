"""The home page's figure, the demo loader and the moderation listing's query count."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from demo import share as demo
from share.models import Submission
from tests.support import countries as build
from tests.support.share import member_of


def test_the_home_figure_counts_live_stories_from_the_public(client, share_countries):
    kenya = share_countries["kenya"]
    live = build.story(kenya, "From a sharer")
    draft = build.story(kenya, "Still a draft")
    draft.unpublish()
    for story in (live, draft):
        Submission.objects.create(
            what_happened="x", country=kenya, role="other", language="en", story_page=story
        )
    figures = {str(f["label"]): f["value"] for f in client.get("/en/").context["key_figures"]}
    assert figures["stories shared by the public"] == 1


def test_the_demo_is_idempotent_and_marked_as_sample(share_countries):
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    texts = list(Submission.objects.values_list("what_happened", flat=True))
    assert len(texts) == 2
    assert all(text.startswith(("Sample data", "Exemple fictif")) for text in texts)


def queries_for_listing(client, user, country, count):
    Submission.objects.bulk_create(
        Submission(what_happened="x", country=country, role="other", language="en")
        for _ in range(count)
    )
    client.force_login(user)
    client.get(reverse("shared_experiences:index"))  # warm Wagtail's per-user caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("shared_experiences:index"))
    assert response.status_code == 200
    return len(captured)


def test_the_queue_runs_the_same_queries_for_3_or_30_items(
    client, share_countries, django_user_model
):
    editor = member_of(django_user_model, "Kenya editors", "editor")
    few = queries_for_listing(client, editor, share_countries["kenya"], 3)
    many = queries_for_listing(client, editor, share_countries["kenya"], 27)
    assert few == many
