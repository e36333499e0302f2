"""A digest lists only what any visitor may see: never a story or resource under a view
restriction, on the page itself or on a page above it (#13)."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from alerts.models import Subscription
from tests.support.countries import country, country_index, story, translate
from tests.support.resources import make_resource


@pytest.fixture
def countries(portal_site):
    index = country_index(portal_site)
    return country(index, "Kenya", "KE"), country(index, "Ghana", "GH")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_restricted_pages_never_reach_a_digest(countries, library, language):
    kenya, ghana = countries
    Subscription.objects.create(
        email="amina@example.org",
        language=language,
        countries=["kenya", "ghana"],
        topics=["recovery"],
        confirmed_at=timezone.now() - datetime.timedelta(hours=1),
    )
    story(kenya, "Open story")
    hidden = story(kenya, "Team-only story")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    translate(hidden, "fr", title="Histoire de l'équipe")  # the copy is restricted too
    story(ghana, "Story of a restricted country")
    translate(ghana, "fr", title="Ghana")
    PageViewRestriction.objects.create(page=ghana, restriction_type="password", password="x")
    make_resource(library, "Open guide", topics=["recovery"])
    locked_guide = make_resource(library, "Password guide", topics=["recovery"])
    PageViewRestriction.objects.create(page=locked_guide, restriction_type="password", password="x")
    call_command("send_alert_digests")
    (message,) = mail.outbox
    assert "Open story" in message.body and "Open guide" in message.body
    for title in ("Team-only", "équipe", "restricted country", "Password guide"):
        assert title not in message.body
