"""The editors' dashboard (/admin/): what each role is shown, where each item leads, what a
country team never learns of other countries, and a query count that does not grow with
the number of countries."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Page, WorkflowState

from countries.models import IndicatorValue, TrainingLanguage
from countries.worldmap import shapes
from editorial.attention import sections_for
from share.models import Submission
from tests.support import countries as build
from tests.support.resources import make_resource
from tests.support.share import member_of

DASHBOARD = "/admin/"
TEAM_KEYS = ["shared", "in_review", "sent_back", "old_drafts", "stale_indicators", "translations"]
CODES = sorted(shapes()["shapes"])  # ISO codes, enough for 50 countries
NOW = timezone.now()


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def day(moment):
    return date_format(timezone.localdate(moment), "DATE_FORMAT")


@pytest.fixture
def tree(portal_site):
    index = build.country_index(portal_site)
    return {
        "home": portal_site,
        "index": index,
        "kenya": build.country(index, "Kenya", "KE"),
        "ghana": build.country(index, "Ghana", "GH"),
    }


@pytest.fixture
def kenya_editor(django_user_model, tree):
    return member_of(django_user_model, "Kenya editors", "kenya-editor")


@pytest.fixture
def ghana_editor(django_user_model, tree):
    return member_of(django_user_model, "Ghana editors", "ghana-editor")


@pytest.fixture
def moderator(django_user_model, tree):
    return member_of(django_user_model, "Moderators", "moderator")


def dashboard(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    # Ages read "2 days" with a no-break space, as Django writes them.
    return response.content.decode().replace("\xa0", " ")


def panel(html, key):
    """The HTML of one attention panel, or "" when it is not shown."""
    found = re.search(
        rf'<section[^>]*id="attention-{key.replace("_", "-")}-section".*?</section>', html, re.S
    )
    return found.group(0) if found else ""


def link(url, text):
    return f'<a href="{url}">{text}</a>'


def submission(country, days=0, status="new", **fields):
    made = Submission.objects.create(
        what_happened="The peer support group helped me find work again.",
        country=country,
        role="lived-experience",
        language="en",
        status=status,
        **fields,
    )
    Submission.objects.filter(pk=made.pk).update(created_at=days_ago(days))
    return made


def draft(page, title, days):
    """An unpublished edit of `page`, last saved `days` ago."""
    page.title = title
    page.save_revision()
    Page.objects.filter(pk=page.pk).update(latest_revision_created_at=days_ago(days))
    return page


def in_review(page, user):
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


# Country teams


def test_a_shared_experience_waits_for_its_country_team_only(
    client, tree, kenya_editor, ghana_editor
):
    waiting = submission(tree["kenya"], days=2, name="Amina Wanjiru", email="amina@example.org")
    submission(tree["kenya"], status="declined")
    html = panel(dashboard(client, kenya_editor), "shared")
    url = reverse("shared_experiences:detail", args=[waiting.pk])
    assert link(url, f"Shared experience {waiting.pk} (Kenya)") in html
    assert "2 days" in html and "New" in html
    assert "See all" not in html  # one waiting, one shown
    # The declined one is done with; the sharer is never named.
    assert html.count("<tr>") == 2
    page = dashboard(client, kenya_editor)
    assert "Amina" not in page and "amina@example.org" not in page
    assert client.get(url).status_code == 200
    ghana = dashboard(client, ghana_editor)
    assert not panel(ghana, "shared") and f"Shared experience {waiting.pk}" not in ghana


def submit(client, page, editor, **changes):
    client.force_login(editor)
    data = build.edit_form(page, **changes, **{"action-submit": "Submit"})
    response = client.post(edit_url(page), data)
    assert response.status_code == 302
    return WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")


def test_pages_in_review_then_sent_back_with_the_moderators_comment(
    client, tree, kenya_editor, ghana_editor, moderator
):
    kenya = tree["kenya"]
    state = submit(client, kenya, kenya_editor, title="Kenya (new summary)")
    review = panel(dashboard(client, kenya_editor), "in_review")
    assert link(edit_url(kenya), "Kenya (new summary)") in review
    assert "<time datetime=" in review
    assert "Kenya (new summary)" not in dashboard(client, ghana_editor)
    queue = panel(dashboard(client, moderator), "review_queue")
    assert link(edit_url(kenya), "Kenya (new summary)") in queue
    assert "Kenya, English" in queue

    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[kenya.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "Please add the year the team started."},
    )
    html = dashboard(client, kenya_editor)
    assert not panel(html, "in_review")
    sent_back = panel(html, "sent_back")
    assert link(edit_url(kenya), "Kenya (new summary)") in sent_back
    assert "Please add the year the team started." in sent_back
    assert not panel(dashboard(client, moderator), "review_queue")
    assert "Please add the year" not in dashboard(client, ghana_editor)


def test_a_draft_shows_after_30_days(client, tree, kenya_editor, ghana_editor):
    old = draft(build.story(tree["kenya"], "Peer support"), "Peer support, revised", 31)
    draft(build.story(tree["kenya"], "Recovery college"), "Recovery college, revised", 29)
    html = panel(dashboard(client, kenya_editor), "old_drafts")
    assert link(edit_url(old), "Peer support, revised") in html
    assert "1 month" in html
    assert "Recovery college" not in html
    assert "Peer support" not in dashboard(client, ghana_editor)


def test_a_draft_in_review_is_listed_as_in_review_only(client, tree, kenya_editor):
    story = draft(build.story(tree["kenya"], "Peer support"), "Peer support, revised", 40)
    in_review(story, kenya_editor)
    Page.objects.filter(pk=story.pk).update(latest_revision_created_at=days_ago(40))
    html = dashboard(client, kenya_editor)
    assert not panel(html, "old_drafts")
    assert "Peer support, revised" in panel(html, "in_review")


def test_an_indicator_not_updated_for_12_months(client, tree, kenya_editor, ghana_editor):
    kenya = tree["kenya"]
    learners = build.indicator_type()
    assessed = build.indicator_type("services-assessed", "Services assessed")
    kenya.indicator_values = [
        IndicatorValue(indicator=kind, date=days_ago(days).date(), value=10, source="sample data")
        for kind, days in ((learners, 400), (learners, 370), (assessed, 400), (assessed, 20))
    ]
    build.publish(kenya)
    html = panel(dashboard(client, kenya_editor), "stale_indicators")
    assert link(edit_url(kenya), "E-training learners completed (Kenya)") in html
    assert f"Latest value: {day(days_ago(370))}" in html
    assert "Services assessed" not in html
    assert not panel(dashboard(client, ghana_editor), "stale_indicators")


def test_pages_missing_or_out_of_date_per_language(client, tree, kenya_editor, ghana_editor):
    kenya = tree["kenya"]
    # The team works in Arabic (an e-training language here) and French (started);
    # Swahili is not a portal language, and the other sixteen are not theirs.
    for code in ("ar", "sw"):
        TrainingLanguage.objects.create(country=kenya, language=code)
    story = build.story(kenya, "Peer support")
    build.translate(kenya, "fr", title="Kenya (fr)")
    french_story = build.translate(story, "fr", title="Soutien par les pairs")
    Page.objects.filter(pk=french_story.pk).update(last_published_at=days_ago(1))
    build.publish(story)  # the English text changed after the French translation
    html = panel(dashboard(client, kenya_editor), "translations")
    report = reverse("translation_report")
    french = f"{report}?section={kenya.pk}&amp;locale=fr"
    arabic = f"{report}?section={kenya.pk}&amp;locale=ar"
    assert link(french, "French") in html and "1 out of date" in html
    assert link(arabic, "Arabic") in html and "2 missing" in html
    # French, which the team has started, comes first.
    assert html.index(french) < html.index(arabic)
    assert "Spanish" not in html and "See all" not in html
    client.force_login(kenya_editor)
    response = client.get(f"{report}?section={kenya.pk}&locale=fr")
    assert response.status_code == 200
    assert "Soutien par les pairs" in response.content.decode()  # the out-of-date one
    assert f"section={kenya.pk}" not in dashboard(client, ghana_editor)


def test_a_team_with_no_language_but_english_is_not_asked_to_translate(client, tree, kenya_editor):
    build.story(tree["kenya"], "Peer support")
    assert not panel(dashboard(client, kenya_editor), "translations")


def test_someone_without_a_role_is_shown_no_attention_panel(client, tree, django_user_model):
    submission(tree["kenya"], days=30)
    translator = member_of(django_user_model, "Editors", "translator")
    translator.user_permissions.add(*Group.objects.get(name="Kenya editors").permissions.all())
    assert 'id="attention-' not in dashboard(client, translator)


def test_a_country_team_is_shown_no_site_wide_page_count(client, tree, kenya_editor, moderator):
    draft(build.story(tree["ghana"], "Ghana plans"), "Ghana plans, revised", 1)
    page_count = 'Pages <span class="w-sr-only">created in'
    assert page_count not in dashboard(client, kenya_editor)
    assert page_count in dashboard(client, moderator)


# Moderators


def test_stale_countries(client, tree, moderator):
    kenya, ghana = tree["kenya"], tree["ghana"]
    build.add_values(kenya, build.indicator_type(), [(days_ago(30).date(), 5)])
    build.story(kenya, "Peer support")
    build.add_values(ghana, build.indicator_type(), [(days_ago(400).date(), 5)])
    build.story(ghana, "Recovery college")
    planning = build.country(tree["index"], "Chile", "CL", status="planning")
    html = panel(dashboard(client, moderator), "stale_countries")
    assert link(edit_url(ghana), "Ghana") in html
    assert f"No numbers since {day(days_ago(400))}" in html
    assert "1 year" in html
    assert edit_url(kenya) not in html
    assert edit_url(planning) not in html


def test_a_country_with_no_story_for_12_months_is_stale(client, tree, moderator):
    kenya = tree["kenya"]
    build.add_values(kenya, build.indicator_type(), [(days_ago(30).date(), 5)])
    story = build.story(kenya, "Peer support")
    Page.objects.filter(pk=story.pk).update(first_published_at=days_ago(400))
    html = panel(dashboard(client, moderator), "stale_countries")
    assert link(edit_url(kenya), "Kenya") in html
    assert f"No story since {day(days_ago(400))}" in html


def test_a_story_in_another_language_keeps_a_country_fresh(client, tree, moderator):
    kenya = tree["kenya"]
    build.add_values(kenya, build.indicator_type(), [(days_ago(30).date(), 5)])
    build.story(build.translate(kenya, "fr", title="Kenya (fr)"), "Soutien par les pairs")
    assert edit_url(kenya) not in panel(dashboard(client, moderator), "stale_countries")


def test_shared_experiences_not_handled_within_14_days(client, tree, moderator, kenya_editor):
    late = submission(tree["ghana"], days=15, status="in-review", name="Kofi Mensah")
    recent = submission(tree["kenya"], days=13)
    submission(tree["kenya"], days=40, status="converted")
    html = panel(dashboard(client, moderator), "unhandled_shared")
    url = reverse("shared_experiences:detail", args=[late.pk])
    assert link(url, f"Shared experience {late.pk} (Ghana)") in html
    assert "In review" in html and "2 weeks" in html
    assert f"Shared experience {recent.pk} " not in html
    assert html.count("<tr>") == 2
    assert "Kofi" not in dashboard(client, moderator)
    # Moderators' sections are not a country team's.
    assert not panel(dashboard(client, kenya_editor), "unhandled_shared")


def test_untranslated_resources_per_language(client, tree, moderator, library):
    guide = make_resource(library, "Guidance on rights")
    make_resource(library, "Training toolkit")
    build.translate(guide, "fr", title="Guide des droits")
    html = panel(dashboard(client, moderator), "untranslated_resources")
    report = reverse("translation_report")
    assert link(f"{report}?locale=fr", "French") in html and "1 resource missing" in html
    assert link(f"{report}?locale=ar", "Arabic") in html and "2 resources missing" in html


def test_a_moderator_in_a_team_gets_both(client, tree, django_user_model):
    both = member_of(django_user_model, "Moderators", "both")
    both.groups.add(Group.objects.get(name="Kenya editors"))
    submission(tree["kenya"], days=20)
    html = dashboard(client, both)
    assert panel(html, "shared") and panel(html, "unhandled_shared")
    assert html.index('id="attention-shared') < html.index('id="attention-unhandled-shared')


def test_tables_are_labelled_and_ages_are_text(client, tree, kenya_editor):
    for number in range(12):
        submission(tree["kenya"], days=number + 1)
    html = panel(dashboard(client, kenya_editor), "shared")
    assert re.search(r"<caption[^>]*>\s*Shared experiences waiting for you: 10 of 12", html)
    assert html.count('<th scope="row"') == 10
    assert re.search(r'<time datetime="[^"]+"[^>]*>1 week</time>', html)
    assert "See all 12" in html and reverse("shared_experiences:index") in html


def test_awaiting_your_review_shows_the_pages_waiting_longest(client, tree, moderator):
    stories = [build.story(tree["kenya"], f"Story {number:02d}") for number in range(12)]
    for story in stories:
        in_review(story, moderator)
    html = dashboard(client, moderator)
    awaiting = re.search(r'<section[^>]*id="awaiting-review-section".*?</section>', html, re.S)
    rows = re.findall(r"Story (\d\d)", awaiting.group(0))
    assert sorted(set(rows)) == [f"{number:02d}" for number in range(10)]
    assert "Approve" in awaiting.group(0)
    assert "See all 12" in panel(html, "review_queue")


def test_every_list_and_item_link_opens_for_its_reader(
    client, tree, kenya_editor, moderator, library
):
    kenya = tree["kenya"]
    TrainingLanguage.objects.create(country=kenya, language="fr")
    submission(kenya, days=20)
    build.add_values(kenya, build.indicator_type(), [(days_ago(400).date(), 5)])
    draft(build.story(kenya, "Peer support"), "Peer support, revised", 40)
    in_review(build.story(kenya, "Recovery college"), kenya_editor)
    state = in_review(build.story(kenya, "Community services"), kenya_editor)
    state.current_task_state.reject(user=moderator, comment="Add a photo.")
    make_resource(library, "Guidance on rights")
    for user, keys in (
        (kenya_editor, TEAM_KEYS),
        (
            moderator,
            ["review_queue", "stale_countries", "unhandled_shared", "untranslated_resources"],
        ),
    ):
        sections = {section.key: section for section in sections_for(user)}
        assert set(keys) <= set(sections)
        client.force_login(user)
        for section in sections.values():
            for url in [section.more_url] + [item.url for item in section.items]:
                assert client.get(url).status_code == 200, (section.key, url)


# Query counts


def add_countries(index, start, stop, moderator):
    """Countries with something in every section: a shared experience from 20 days ago,
    a value from two years ago, a draft from 40 days ago and two stories in review. Two,
    so that five countries already fill Wagtail's "Awaiting your review", which costs a
    query per row (its workflow's tasks) and shows attention.LIMIT rows."""
    kind = build.indicator_type()
    for number in range(start, stop):
        country = build.country(index, f"Country {number:02d}", CODES[number])
        submission(country, days=20)
        build.add_values(country, kind, [(days_ago(800).date(), number)])
        draft(build.story(country, f"Story {number:02d}"), f"Story {number:02d}, revised", 40)
        in_review(build.story(country, f"Review {number:02d}"), moderator)
        in_review(build.story(country, f"Second review {number:02d}"), moderator)


def query_count(client, user):
    client.force_login(user)
    client.get(DASHBOARD)  # warms the caches any earlier request would have
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return len(queries)


def test_dashboard_queries_do_not_grow_with_countries(client, tree, moderator, django_user_model):
    # Both roles in one test: fifty countries with stories in review take long to build.
    add_countries(tree["index"], 0, 5, moderator)
    team = member_of(django_user_model, "Country 00 editors", "team")
    few = {user: query_count(client, user) for user in (moderator, team)}
    add_countries(tree["index"], 5, 50, moderator)
    assert {user: query_count(client, user) for user in (moderator, team)} == few
    html = dashboard(client, moderator)
    assert "See all 100" in panel(html, "review_queue")
    assert "Review 00" in panel(html, "review_queue")
    html = dashboard(client, team)
    assert "Story 00, revised" in panel(html, "old_drafts")
    assert "Country 01" not in html
