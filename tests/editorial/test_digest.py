"""The weekly email to country teams (issue #18): the dashboard's items, sent through the
task backend, once a week, only when something waits, only the team's own country, in
the member's admin language, with a stop link and an on/off switch in the account."""

import datetime
import io
import logging
import re
import smtplib
import time

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from countries.models import CountryPage, TrainingLanguage
from editorial import tasks, tokens
from editorial.models import DigestPreference
from share.models import Submission
from tests.support.countries import country, country_index
from tests.support.share import member_of

REFUSING = "tests.editorial.test_digest.RefusingBackend"
SHARER = {
    "name": "Wanjiru Sharer",
    "email": "wanjiru@example.org",
    "what_happened": "The ward locked the door every night.",
}


class RefusingBackend(EmailBackend):
    """locmem, except that a message to an address in `refused` raises the mail server's
    refusal, whose message names the address, as Django's SMTP backend does."""

    refused = set()

    def send_messages(self, messages):
        for message in messages:
            for address in message.recipients():
                if address in self.refused:
                    raise smtplib.SMTPRecipientsRefused({address: (550, b"5.1.1 No such user")})
        return super().send_messages(messages)


@pytest.fixture
def teams(portal_site, django_user_model):
    """Kenya and Ghana, live, with one team member each and pages to translate into
    French, an e-training language of both; Nepal, a country page not published yet
    (nothing to translate, so nothing waits), with one member."""
    index = country_index(portal_site)
    kenya = country(index, "Kenya", "KE")
    ghana = country(index, "Ghana", "GH")
    for page in (kenya, ghana):
        TrainingLanguage.objects.create(country=page, language="fr")
    index.add_child(instance=CountryPage(title="Nepal", iso_code="NP", live=False))
    return {
        "kenya": kenya,
        "ghana": ghana,
        "amina": member_of(django_user_model, "Kenya editors", "amina", "amina@example.org"),
        "kofi": member_of(django_user_model, "Ghana editors", "kofi", "kofi@example.org"),
        "nima": member_of(django_user_model, "Nepal editors", "nima", "nima@example.org"),
    }


def shared(country_page, created_at=None):
    return Submission.objects.create(
        country=country_page,
        role="lived-experience",
        language="en",
        created_at=created_at or timezone.now(),
        **SHARER,
    )


def run():
    out = io.StringIO()
    call_command("send_editor_digests", stdout=out)
    return out.getvalue()


def emails_to(address):
    return [message for message in mail.outbox if address in message.to]


def html_of(message):
    ((html, kind),) = message.alternatives
    assert kind == "text/html"
    return html


def detail_url(submission):
    return "http://testserver" + reverse("shared_experiences:detail", args=[submission.pk])


def stop_link(message):
    return re.search(r"http://testserver(/\S+/weekly-email/stop/\S+/)", message.body)[1]


def test_a_member_gets_one_email_naming_what_waits_with_absolute_links(teams):
    submission = shared(teams["kenya"], timezone.now() - datetime.timedelta(days=3))
    summary = run()
    (message,) = emails_to("amina@example.org")
    label = f"Shared experience {submission.pk} (Kenya)"
    assert "Shared experiences waiting for you (1)" in message.body
    assert f"- {label}: New\n" in message.body
    assert detail_url(submission) in message.body
    html = html_of(message)
    link = rf'<a href="{re.escape(detail_url(submission))}"[^>]*>{re.escape(label)}</a>'
    assert re.search(link, html)
    assert '<html lang="en" dir="ltr">' in html
    # The stop link, also for mail clients' one-click POST (RFC 8058).
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{stop_link(message)}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Nothing of the sharer: not their name, address or words.
    for text in (message.subject, message.body, html):
        for value in SHARER.values():
            assert value not in text
    # Kofi (Ghana's pages wait for translation) gets his; Nima, with nothing, none.
    assert sorted(address for m in mail.outbox for address in m.to) == [
        "amina@example.org",
        "kofi@example.org",
    ]
    assert summary == (
        "2 weekly emails sent, 0 failed, 0 queued for the worker, 1 with nothing waiting\n"
    )


def test_a_long_list_shows_ten_and_links_to_the_rest(teams):
    for days in range(11):
        shared(teams["kenya"], timezone.now() - datetime.timedelta(days=days))
    run()
    (message,) = emails_to("amina@example.org")
    section = message.body.split("Shared experiences waiting for you (11)\n")[1]
    assert section.count("/admin/shared-experiences/") == 11  # ten items, and the list
    index = "http://testserver" + reverse("shared_experiences:index")
    assert f"See all 11: {index}\n" in section


def test_nobody_gets_an_email_with_nothing_waiting(teams):
    run()
    assert not emails_to("nima@example.org")
    # Something waits for Nima's team: now the email goes.
    nepal = CountryPage.objects.get(title="Nepal")
    submission = shared(nepal)
    run()
    (message,) = emails_to("nima@example.org")
    assert detail_url(submission) in message.body


def test_an_opted_out_member_gets_none(teams):
    shared(teams["kenya"])
    DigestPreference.objects.create(user=teams["amina"], weekly_digest=False)
    run()
    assert not emails_to("amina@example.org")
    assert emails_to("kofi@example.org")


def test_a_second_run_in_the_same_week_sends_nothing_more(teams):
    shared(teams["kenya"])
    run()
    assert len(emails_to("amina@example.org")) == 1
    summary = run()
    assert len(emails_to("amina@example.org")) == 1
    assert summary.startswith("0 weekly emails sent, 0 failed")
    # Next week's run sends again.
    next_week = (timezone.now() + datetime.timedelta(days=7)).isoformat()
    assert tasks.send_digest.enqueue(teams["amina"].pk, next_week).return_value == "sent"
    assert len(emails_to("amina@example.org")) == 2


def test_another_countrys_items_never_appear(teams):
    kenyan, ghanaian = shared(teams["kenya"]), shared(teams["ghana"])
    run()
    (to_amina,) = emails_to("amina@example.org")
    (to_kofi,) = emails_to("kofi@example.org")
    for message, own, other, other_name in [
        (to_amina, kenyan, ghanaian, "Ghana"),
        (to_kofi, ghanaian, kenyan, "Kenya"),
    ]:
        text = message.body + html_of(message)
        assert detail_url(own) in text
        assert detail_url(other) not in text
        assert other_name not in text


def test_the_stop_link_asks_then_stops_and_a_bad_one_answers_400(teams):
    shared(teams["kenya"])
    run()
    (message,) = emails_to("amina@example.org")
    link = stop_link(message)
    assert link.startswith("/en/weekly-email/stop/")
    client = Client(enforce_csrf_checks=True)
    response = client.get(link)  # opening the link changes nothing
    assert response.status_code == 200
    assert "Stop the weekly email" in response.content.decode()
    assert not DigestPreference.objects.filter(user=teams["amina"], weekly_digest=False).exists()
    # One POST, no CSRF token: as a mail client's one-click stop sends it.
    response = client.post(link)
    assert response.status_code == 200
    assert "You will get no more weekly emails" in response.content.decode()
    assert DigestPreference.objects.get(user=teams["amina"]).weekly_digest is False
    next_week = (timezone.now() + datetime.timedelta(days=7)).isoformat()
    assert tasks.send_digest.enqueue(teams["amina"].pk, next_week).return_value == "done"

    token = link.rsplit("/", 2)[1]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (tampered, "nope", str(teams["kofi"].pk)):
        for method in (client.get, client.post):
            response = method(f"/en/weekly-email/stop/{bad}/")
            assert response.status_code == 400
            assert "This link does not work" in response.content.decode()
    assert DigestPreference.objects.get(user=teams["kofi"]).weekly_digest is True


def test_an_expired_stop_link_answers_400_and_says_where_to_turn_it_off(teams, monkeypatch):
    with monkeypatch.context() as patch:
        days_ago = time.time() - (tokens.LINK_DAYS + 1) * 86400
        patch.setattr(time, "time", lambda: days_ago)
        token = tokens.make(teams["amina"])
    response = Client().post(f"/en/weekly-email/stop/{token}/")
    assert response.status_code == 400
    body = response.content.decode()
    assert "turn it off in your account settings" in body
    assert not DigestPreference.objects.filter(user=teams["amina"]).exists()


def account_form(user, **changes):
    data = {
        "name_email-first_name": "Amina",
        "name_email-last_name": "Odhiambo",
        "name_email-email": user.email,
        "notifications-rejected_notifications": "on",
        "notifications-updated_comments_notifications": "on",
        "locale-preferred_language": "",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    data.update(changes)
    return data


def test_the_account_panel_turns_the_email_off_and_on(teams, client):
    amina = teams["amina"]
    client.force_login(amina)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "Weekly email" in page
    assert re.search(r'<input[^>]*name="weekly_email-weekly_digest"[^>]*checked', page)
    assert not DigestPreference.objects.exists()  # opening the page stores nothing

    # An unchecked box is not sent: the email is off.
    response = client.post(reverse("wagtailadmin_account"), account_form(amina))
    assert response.status_code == 302
    assert DigestPreference.objects.get(user=amina).weekly_digest is False
    shared(teams["kenya"])
    run()
    assert not emails_to("amina@example.org")

    form = account_form(amina, **{"weekly_email-weekly_digest": "on"})
    assert client.post(reverse("wagtailadmin_account"), form).status_code == 302
    assert DigestPreference.objects.get(user=amina).weekly_digest is True
    run()
    assert len(emails_to("amina@example.org")) == 1


def test_the_account_panel_is_only_for_country_teams(teams, client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "weekly_email-weekly_digest" not in page


def test_the_email_is_in_the_members_admin_language(teams):
    profile = UserProfile.get_for_user(teams["amina"])
    profile.preferred_language = "ar"
    profile.save()
    shared(teams["kenya"], datetime.datetime(2026, 5, 4, 9, tzinfo=datetime.UTC))
    run()
    (message,) = emails_to("amina@example.org")
    assert message.body.startswith("مرحبًا،")  # "Hello,"
    assert "مايو" in message.body  # the date in Arabic: 4 May
    html = html_of(message)
    assert '<html lang="ar" dir="rtl">' in html
    assert stop_link(message).startswith("/ar/weekly-email/stop/")
    (english,) = emails_to("kofi@example.org")
    assert english.body.startswith("Hello,")


def test_a_refused_address_is_logged_without_it_and_sent_on_the_next_run(
    teams, caplog, monkeypatch
):
    shared(teams["kenya"])
    monkeypatch.setattr(RefusingBackend, "refused", {"amina@example.org"})
    with override_settings(EMAIL_BACKEND=REFUSING), caplog.at_level(logging.WARNING):
        summary = run()
    monkeypatch.setattr(RefusingBackend, "refused", set())
    assert summary.startswith("1 weekly emails sent, 1 failed")
    assert f"Weekly email to user {teams['amina'].pk} not sent" in caplog.text
    assert "SMTPRecipientsRefused (SMTP 550)" in caplog.text
    assert "amina@example.org" not in caplog.text + summary
    assert not emails_to("amina@example.org") and emails_to("kofi@example.org")
    run()  # the same week: Kofi's is not sent again, Amina's goes now
    assert len(emails_to("amina@example.org")) == 1
    assert len(emails_to("kofi@example.org")) == 1
