"""Pages under a view restriction (a password, logged-in users, a group; on the page or
on an ancestor) and unpublished pages never appear on a public surface: feeds,
listings, the library and its facet counts, country and home pages, open data, the site
search (results, promotions, suggestions), the sitemap and the API. Public surfaces are
the same for everyone: a signed-in member of the group, or a visitor who typed the
password, sees the same lists as anyone."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from countries.models import StoryRelatedResource
from home.models import FeaturedResource, FeaturedStory
from resources.models import RelatedResource
from tests.support.countries import (
    add_values,
    country,
    country_index,
    indicator_type,
    publish,
    story,
    story_index,
    translate,
)
from tests.support.elasticsearch import Recorder, use_recorder
from tests.support.events import events_index, in_days, make_event
from tests.support.resources import make_resource

# Titles and URL slugs that must never be listed.
HIDDEN = [
    "Password story",
    "Login story",
    "Group story",
    "Secretland",
    "Hidden country story",
    "Password guide",
    "Login guide",
    "Group guide",
    "Draft guide",
    "Password event",
    "Group event",
    "Hidden country event",
]
SLUGS = [title.lower().replace(" ", "-") for title in HIDDEN]
LATER = datetime.date(2025, 1, 1)  # restricted pages are the newest: first in any list


def restrict(page, kind, group=None):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if group is not None:
        restriction.groups.add(group)
    return restriction


@pytest.fixture
def world(portal_site, library):
    countries = country_index(portal_site)
    story_index(portal_site)
    library.save_revision().publish()
    team = Group.objects.create(name="Secret team")
    kenya = country(countries, "Kenya", "KE")
    secretland = country(countries, "Secretland", "UG")
    kind = indicator_type()
    add_values(kenya, kind, [(datetime.date(2024, 1, 1), 10)])
    add_values(secretland, kind, [(datetime.date(2024, 1, 1), 777)])
    open_story = story(kenya, "Open story")
    translate(open_story, "fr", title="Récit ouvert")
    restrictions = [
        restrict(story(kenya, "Password story", date=LATER), "password"),
        restrict(story(kenya, "Login story", date=LATER), "login"),
        restrict(story(kenya, "Group story", date=LATER), "groups", team),
        restrict(secretland, "password"),  # hides its stories: an ancestor's restriction
    ]
    story(secretland, "Hidden country story", date=LATER)
    events = events_index(portal_site)
    make_event(kenya, "Open event", start=in_days(5))
    restrictions += [
        restrict(make_event(events, "Password event", start=in_days(1)), "password"),
        restrict(make_event(kenya, "Group event", start=in_days(2)), "groups", team),
    ]
    make_event(secretland, "Hidden country event", start=in_days(3))

    def guide(title, **fields):
        fields.setdefault("countries", [kenya])
        return make_resource(library, title, topics=["recovery"], **fields)

    open_guide = guide("Open guide")
    password_guide, login_guide, group_guide = (
        guide(title, year=2024) for title in ("Password guide", "Login guide", "Group guide")
    )
    restrictions += [
        restrict(password_guide, "password"),
        restrict(login_guide, "login"),
        restrict(group_guide, "groups", team),
    ]
    guide("Secret country guide", countries=[secretland])  # public, tagged: no Secretland
    draft = guide("Draft guide", year=2024)
    draft.unpublish()
    hidden_resources = [password_guide, login_guide, group_guide, draft]
    open_guide.related_resources = [RelatedResource(resource=r) for r in hidden_resources]
    publish(open_guide)
    open_story.related_resources = [StoryRelatedResource(resource=r) for r in hidden_resources]
    publish(open_story)
    query = Query.get("guide")
    for order, page in enumerate([draft, password_guide, open_guide]):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/elsewhere",
        external_link_text="Elsewhere link",
        sort_order=9,
    )
    return {
        "home": portal_site,
        "kenya": kenya,
        "team": team,
        "restrictions": restrictions,
        "stories": [open_story, *(r.page for r in restrictions[:3])],
        "resources": [open_guide, password_guide, login_guide, group_guide, draft],
    }


@pytest.fixture(params=["anonymous", "insider"])
def visitor(request, client, world, django_user_model):
    """Anyone, or a signed-in member of the team who also typed every password."""
    if request.param == "insider":
        user = django_user_model.objects.create_user("insider", password="x")
        user.groups.add(world["team"])
        client.force_login(user)
        session = client.session
        session[PageViewRestriction.passed_view_restrictions_session_key] = [
            r.pk for r in world["restrictions"]
        ]
        session.save()
    return client


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def assert_hidden(text, url):
    shown = [word for word in HIDDEN + SLUGS if word in text]
    assert not shown, f"{url} shows {shown}"


SURFACES = [
    "/en/feeds/stories/",
    "/fr/feeds/stories/",
    "/en/feeds/stories/kenya/",
    "/en/feeds/resources/",
    "/fr/feeds/resources/",
    "/en/feeds/resources/topic/recovery/",
    "/en/stories/",
    "/fr/stories/",
    "/en/countries/",
    "/en/countries/kenya/",
    "/fr/countries/kenya/",
    "/en/resources/",
    "/fr/resources/",
    "/en/resources/?q=guide",
    "/fr/resources/?q=guide",
    "/en/resources/?topic=recovery&sort=downloads&q=guide",
    "/en/resources/open-guide/",
    "/fr/resources/open-guide/",
    "/en/countries/kenya/open-story/",
    "/open-data/resources.csv",
    "/open-data/resources.json",
    "/open-data/indicators.csv",
    "/open-data/indicators.json",
    "/en/search/?q=guide",
    "/en/search/?q=story",
    "/en/search/?q=country",
    "/en/search/suggest/?q=pass",
    "/en/search/suggest/?q=secret",
    "/sitemap-pages.xml",
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?type=countries.StoryPage&limit=100",
    "/api/v2/pages/?child_of={kenya}&limit=100",
    "/api/v2/resources/?limit=100",
    "/api/v2/resources/?topic=recovery&limit=100",
    "/en/events/",
    "/fr/events/",
    "/en/events/?country=kenya",
    "/en/events/calendar.ics",
    "/fr/events/calendar.ics?country=kenya",
    "/en/feeds/events/",
    "/open-data/events.csv",
    "/open-data/events.json",
    "/api/v2/events/?limit=100",
    "/api/v2/events/?country=kenya&limit=100",
]


def test_no_public_surface_lists_a_restricted_or_unpublished_page(visitor, world, settings):
    settings.PAGE_CACHE_SECONDS = 0  # what the view computes; the page cache has its own tests
    # One test over every surface: the page tree is built once per kind of visitor.
    leaks = {}
    for url in SURFACES:
        url = url.format(kenya=world["kenya"].pk)
        text = body(visitor, url)  # once: in the comprehension, once per word
        shown = [word for word in HIDDEN + SLUGS if word in text]
        if shown:
            leaks[url] = shown
    assert leaks == {}

    # The library's facet counts: Open guide and Secret country guide are the public
    # resources on the topic; Secretland is offered nowhere.
    for url in ("/en/resources/", "/en/resources/?q=guide", "/fr/resources/?q=guide"):
        facets = {g["name"]: g for g in visitor.get(url).context["facets"]}
        topic = {o["slug"]: o["count"] for o in facets["topic"]["options"]}
        assert topic == {"recovery": 2}, url
        countries = {o["slug"]: o["count"] for o in facets["country"]["options"]}
        assert countries == {"kenya": 1}, url
    for url in ("/en/stories/", "/en/resources/"):
        form = visitor.get(url).context["filter_form"]
        assert "secretland" not in {slug for slug, _label in form.fields["country"].choices}
    assert visitor.get("/en/feeds/stories/secretland/").status_code == 404
    events = visitor.get("/en/events/?view=upcoming").context  # not the cached page above
    assert [event.title for event in events["results"]] == ["Open event"]
    assert "secretland" not in {o["slug"] for g in events["facets"] for o in g["options"]}

    # Search promotions: the live public page and the external link only.
    promoted = [p["title"] for p in visitor.get("/en/search/?q=guide").context["promotions"]]
    assert promoted == ["Open guide", "Elsewhere link"]

    # The API answers 404 for a restricted or unpublished page, to everyone.
    for url in ("/api/v2/pages/{pk}/", "/api/v2/resources/{pk}/"):
        for page in world["resources"][1:]:
            assert visitor.get(url.format(pk=page.pk)).status_code == 404, (url, page)
        assert visitor.get(url.format(pk=world["resources"][0].pk)).status_code == 200

    # The home page: the latest items, then the editors' picks, skip hidden pages.
    for code in ("en", "fr"):
        response = visitor.get(f"/{code}/")
        stories = [s.title for s in response.context["featured_stories"]]
        assert stories in (["Open story"], ["Récit ouvert"]), code
        assert "Open guide" in [r.title for r in response.context["featured_resources"]]
        assert_hidden(response.content.decode(), f"/{code}/")
    home = world["home"]
    home.featured_stories = [
        FeaturedStory(story=s, sort_order=n) for n, s in enumerate(reversed(world["stories"]))
    ]
    home.featured_resources = [
        FeaturedResource(resource=r, sort_order=n)
        for n, r in enumerate(reversed(world["resources"][:4]))
    ]
    publish(home)
    response = visitor.get("/en/")
    assert [s.title for s in response.context["featured_stories"]] == ["Open story"]
    assert [r.title for r in response.context["featured_resources"]] == ["Open guide"]
    assert_hidden(response.content.decode(), "/en/")


def test_the_public_pages_are_still_listed_and_counted(client, world, settings):
    """The same surfaces still list what they should: the test above proves something."""
    settings.PAGE_CACHE_SECONDS = 0  # what the view computes; the page cache has its own tests
    assert "Récit ouvert" in body(client, "/fr/feeds/stories/")
    assert "Open guide" in body(client, "/en/feeds/resources/")
    assert "Open story" in body(client, "/en/stories/")
    assert "Open guide" in body(client, "/en/resources/?q=guide")
    assert "Kenya" in body(client, "/en/countries/")
    kenya = body(client, "/en/countries/kenya/")
    assert "Open guide" in kenya and "Open story" in kenya
    assert "Open guide" in body(client, "/open-data/resources.csv")
    assert "Kenya" in body(client, "/open-data/indicators.csv")
    assert "Open guide" in body(client, "/api/v2/resources/")
    assert "Open guide" in body(client, "/en/search/?q=guide")
    figures = {str(f["label"]): f["value"] for f in client.get("/en/").context["key_figures"]}
    assert figures["countries taking part"] == 1
    assert figures["resources in the library"] == 2
    # Secretland's 777 learners are not in the portal-wide total: Kenya's 10 only.
    [total] = client.get("/en/").context["indicator_figures"]
    assert total["value"] == 10


@pytest.mark.parametrize("url", ["/en/resources/?q=guide", "/fr/search/?q=guide"])
def test_on_a_search_server_restricted_sections_are_a_path_filter(
    client, library, settings, monkeypatch, url
):
    """Elasticsearch cannot run SQL: `.public()` reaches it as a filter on the path of
    each restricted section, so its hits hold no restricted page."""
    library.save_revision().publish()
    secret = make_resource(library, "Password guide")
    restrict(secret, "password")
    recorder = Recorder(count=1)
    use_recorder(settings, monkeypatch, recorder)

    assert client.get(url).status_code == 200

    calls = recorder.named("search") + recorder.named("count")
    assert calls
    for call in calls:
        query = str(call.get("query") or call["body"]["query"])
        assert "'must_not'" in query and f"'path_filter': '{secret.path}'" in query, query
