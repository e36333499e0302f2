"""What the header and listings keep in the cache between publishes (core/fragments.py,
core/visibility.py, core/locales.py) is never stale after a change and never differs by
visitor. The page cache is off: these are the parts an uncached page is built from."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from core import fragments, freshness, visibility
from core.taxonomy import Topic
from tests.support import countries as build


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


def header(client, url="/en/"):
    return client.get(url).content.decode().split("</header>")[0]


def test_the_menu_shows_a_new_section_at_once(client, portal_site):
    countries = build.country_index(portal_site)
    assert f'href="{countries.url}"' in header(client)  # now cached
    stories = build.story_index(portal_site)  # published, in the menu
    assert f'href="{stories.url}"' in header(client)


def test_the_menu_drops_a_section_restricted_after_it_was_cached(client, portal_site):
    stories = build.story_index(portal_site)
    assert f'href="{stories.url}"' in header(client)
    PageViewRestriction.objects.create(page=stories, restriction_type="password", password="x")
    assert f'href="{stories.url}"' not in header(client)


def test_a_restriction_hides_a_listed_page_at_once(client, portal_site):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    story = build.story(kenya, "Open story")
    build.story_index(portal_site)
    assert "Open story" in client.get("/en/stories/").content.decode()
    assert visibility.is_public(story)
    restriction = PageViewRestriction.objects.create(
        page=kenya, restriction_type="password", password="x"
    )
    assert not visibility.is_public(story)
    assert "Open story" not in client.get("/en/stories/").content.decode()
    restriction.delete()
    assert "Open story" in client.get("/en/stories/").content.decode()


def test_the_header_is_the_same_for_a_signed_in_editor(client, admin_client, portal_site):
    """Nothing in the cached header depends on who asks: an editor warming it first and a
    visitor reading it after see the same menu and language links."""
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    build.translate(kenya, "fr", title="Kenya (fr)")
    edited = header(admin_client, "/en/countries/kenya/")
    assert header(client, "/en/countries/kenya/") == edited
    assert 'hreflang="fr"' in edited


def test_the_language_switcher_lists_a_new_translation_at_once(client, portal_site):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    assert 'hreflang="fr"' not in header(client, "/en/countries/kenya/")
    build.translate(kenya, "fr", title="Kenya (fr)")
    assert 'hreflang="fr"' in header(client, "/en/countries/kenya/")


def test_a_renamed_term_is_shown_at_once(client, portal_site):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    story = build.story(kenya, "Open story")
    recovery = Topic.objects.get(locale__language_code="en", slug="recovery")
    story.topics = [recovery]
    build.publish(story)
    assert recovery.name in client.get(story.url).content.decode()
    recovery.name = "Recovery, renamed"
    recovery.save()
    assert "Recovery, renamed" in client.get(story.url).content.decode()


def test_a_process_keeps_what_it_read_and_a_change_makes_a_new_entry(portal_site, monkeypatch):
    computed, shared_reads = [], []
    real_get = cache.get
    monkeypatch.setattr(
        cache, "get", lambda key, *a, **k: shared_reads.append(key) or real_get(key, *a, **k)
    )

    def compute():
        computed.append(1)
        return {"n": len(computed)}

    first = fragments.cached("test-part", compute, "en")
    first["n"] = 99  # a reader changing its copy changes nobody else's
    assert fragments.cached("test-part", compute, "en") == {"n": 1}
    assert len(computed) == 1
    part_reads = [key for key in shared_reads if key.startswith("fragment:test-part")]
    assert len(part_reads) == 1  # the second read was this process's own copy

    freshness.changed()
    assert fragments.cached("test-part", compute, "en") == {"n": 2}


def test_a_copy_never_outlives_the_shared_entry(portal_site, monkeypatch):
    # Only this module's clock moves: the entry's own expiry is under test, not the
    # local cache's.
    now = [1_000_000.0]
    monkeypatch.setattr(fragments, "time", SimpleNamespace(time=lambda: now[0]))
    values = iter(["first", "second"])
    key = "test:expiring"
    assert fragments.versioned(key, lambda: next(values), timeout=60) == "first"
    fragments.LOCAL.clear()  # as in another process: only the shared cache has it
    now[0] += 30
    assert fragments.versioned(key, lambda: next(values), timeout=60) == "first"  # copied
    now[0] += 31
    assert fragments.versioned(key, lambda: next(values), timeout=60) == "second"


def test_a_request_reads_the_content_version_once(client, portal_site, settings, monkeypatch):
    """Every fragment of a page is keyed by the content version; it is read once per
    request, not once per fragment."""
    settings.PAGE_CACHE_SECONDS = 0
    build.country(build.country_index(portal_site), "Kenya", "KE")
    reads = []
    real = cache.get_or_set
    monkeypatch.setattr(
        cache,
        "get_or_set",
        lambda key, *a, **k: reads.append(key) or real(key, *a, **k),
    )
    assert client.get("/en/countries/kenya/").status_code == 200
    assert reads.count(freshness.CONTENT) == 1
    # With the page cache on, the version read with the page serves the whole miss.
    settings.PAGE_CACHE_SECONDS = 60
    reads.clear()
    response = client.get("/en/countries/kenya/?page=1")
    assert response["X-Page-Cache"] == "miss"
    assert reads.count(freshness.CONTENT) == 0


def test_a_change_made_during_a_request_is_seen_by_the_rest_of_it(portal_site):
    with freshness.request_scope():
        before = freshness.version()
        assert freshness.version() == before
        freshness.changed()
        assert freshness.version() != before


def test_parts_another_process_made_are_read_in_one_round_trip(portal_site, monkeypatch):
    asked = []

    def compute(keys):
        asked.append(list(keys))
        return {key: key.upper() for key in keys}

    assert fragments.versioned_many(["t:a", "t:b"], compute) == {"t:a": "T:A", "t:b": "T:B"}
    fragments.LOCAL.clear()  # as in another process: only the shared cache has them
    round_trips = []
    real = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: round_trips.append(keys) or real(keys))
    found = fragments.versioned_many(["t:a", "t:b", "t:c"], compute)
    assert found == {"t:a": "T:A", "t:b": "T:B", "t:c": "T:C"}
    assert asked == [["t:a", "t:b"], ["t:c"]]
    assert len(round_trips) == 1


def test_the_version_committed_after_a_change_is_the_one_the_request_reads_next(
    portal_site, django_capture_on_commit_callbacks
):
    # A change makes a version at once and another when it commits (a request in between
    # could have read the old rows): the rest of the request must see the last one.
    with freshness.request_scope():
        with django_capture_on_commit_callbacks(execute=True):
            freshness.changed()
            before_commit = freshness.version()
        assert freshness.version() != before_commit
        assert freshness.version() == cache.get(freshness.CONTENT)


def test_facet_checkboxes_are_rendered_once_for_what_they_show(client, library, monkeypatch):
    """The library's checkboxes come from the cache when the same labels, counts and
    ticks are shown again; another count, another tick or another language is other
    markup, rendered for itself."""
    from django.template.loader import get_template as real_get_template

    from core.templatetags import core_tags
    from tests.support.resources import make_resource

    make_resource(library, "Peer groups", topics=["peer-support"])
    rendered = []

    def counting(name):
        rendered.append(name)
        return real_get_template(name)

    monkeypatch.setattr(core_tags, "get_template", counting)

    def checkboxes(url):
        rendered.clear()
        page = client.get(url).content.decode()
        boxes = page.split('<fieldset class="facet">', 1)[1].split("Year published")[0]
        return boxes, len(rendered)

    english, renders = checkboxes("/en/resources/")
    assert renders == 1
    assert 'value="peer-support"' in english and "(1)" in english
    assert checkboxes("/en/resources/") == (english, 0)
    assert checkboxes("/en/resources/?sort=title") == (english, 0)  # same counts, same ticks
    ticked, renders = checkboxes("/en/resources/?topic=peer-support")
    assert renders == 1 and 'value="peer-support" id="facet-topic-peer-support" checked' in ticked
    arabic, renders = checkboxes("/ar/resources/")
    assert renders == 1 and arabic != english
    make_resource(library, "More peer groups", topics=["peer-support"])
    recounted, renders = checkboxes("/en/resources/")
    assert renders == 1 and "(2)" in recounted
