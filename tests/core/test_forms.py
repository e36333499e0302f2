"""Email addresses longer than the database column (254 characters) are refused by the
public forms with a message, and nothing typed is lost; before, PostgreSQL answered 500
and the sharer's story was gone."""

import re

from alerts.models import Subscription
from share.models import Submission
from tests.support.share import form_data

TOO_LONG = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".org"  # 313 characters, valid


def test_the_share_form_refuses_an_over_long_email_and_keeps_the_story(client, share_countries):
    data = form_data(email=TOO_LONG, consent_contact="on")
    response = client.post("/en/share/", data)
    assert response.status_code == 200
    assert "This email address is too long" in response.text
    assert data["what_happened"] in response.text
    assert not Submission.objects.exists()


def test_the_alerts_form_refuses_an_over_long_email(client, share_countries):
    data = {"email": TOO_LONG, "countries": ["kenya"]}
    response = client.post("/en/alerts/", data)
    assert response.status_code == 200
    assert "This email address is too long" in response.text
    assert re.search(r'<input[^>]*value="kenya"[^>]*checked', response.text)  # kept
    assert not Subscription.objects.exists()


def test_an_address_of_254_characters_is_accepted(client, share_countries):
    address = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 57 + ".org"
    assert len(address) == 254
    response = client.post("/en/alerts/", {"email": address, "countries": ["kenya"]})
    assert response.status_code == 302
    assert Subscription.objects.get().email == address
