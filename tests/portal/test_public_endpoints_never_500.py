"""Property-based: whatever query string arrives at a public GET endpoint (arbitrary
text, Unicode such as '²', NUL and direction marks, huge numbers, repeated parameters,
parameters the endpoint does not know), the answer is never a server error.

One small site is built per test function (Hypothesis reuses the function-scoped
fixtures across its examples, as tests/sitesearch/test_properties.py does), and each
test draws endpoints from a group, so the site is not rebuilt per example."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.support.countries import country, country_index, publish, story, story_index
from tests.support.events import events_index, make_event
from tests.support.resources import make_resource

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ar", "fr", "zh-hans"]
NASTY = st.sampled_from(
    [
        "",
        "²",
        "½",
        "٣",
        "\x00",
        "\x1b",
        "\u202e",
        "\u200f",
        "\ufeff",
        "-1",
        "0",
        "1.5",
        "1e309",
        "NaN",
        "99999999999999999999999",
        str(2**63),
        str(2**31),
        "10000000000",
        ",",
        ",,kenya,",
        "*",
        "%",
        "'",
        '"',
        "__all__",
        "-title",
        "title",
        "id",
        "random",
        "kenya",
        "guidance",
        "recovery",
        "peer-support",
        "capacity",
        "planning",
        "afr",
        "en",
        "countries.StoryPage",
        "resources.ResourcePage",
        "wagtailcore.Page",
        "nope.Nope",
        "resourcepage",
        "type,title",
        "*,-title",
        "_,title",
        "/en/resources/",
        "/en/countries/kenya/",
        "2024-01-01",
        "true",
        "ils",
        "online",
        "sign-language",
        "2022-04",
        "13",
        "past",
        "Europe/Zurich",
    ]
)
HUGE = st.integers(min_value=-(10**30), max_value=10**30).map(str)
VALUE = st.one_of(NASTY, HUGE, st.text(max_size=40))
RUNS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Each endpoint: its path (with {lang}, {file}, {kenya} filled in) and the parameters it
# reads; every draw may add parameters it does not read and repeat any of them.
PAGES = {
    "/{lang}/": ["page"],
    "/{lang}/countries/": ["status", "region", "page"],
    "/{lang}/countries/kenya/": ["page"],
    "/{lang}/stories/": ["country", "objective", "topic", "page"],
    "/{lang}/countries/kenya/open-story/": [],
    "/{lang}/resources/": [
        "q",
        "type",
        "topic",
        "audience",
        "country",
        "language",
        "access",
        "year_from",
        "year_to",
        "sort",
        "page",
    ],
    "/{lang}/resources/open-guide/": [],
    "/{lang}/resources/open-guide/download/{file}/": [],
    "/{lang}/events/": [
        "country",
        "topic",
        "format",
        "language",
        "interpretation",
        "access",
        "month",
        "view",
        "page",
    ],
    "/{lang}/events/open-webinar/": [],
}
FORMS = {
    "/{lang}/search/": [
        "q",
        "page",
        "all_languages",
        "content",
        "type",
        "topic",
        "country",
        "language",
        "written_in",
    ],
    "/{lang}/search/suggest/": ["q"],
    "/{lang}/share/": ["country"],
    "/{lang}/alerts/": ["countries", "topics"],
    "/{lang}/feeds/stories/": [],
    "/{lang}/feeds/stories/kenya/": [],
    "/{lang}/feeds/resources/": [],
    "/{lang}/feeds/resources/type/guidance/": [],
    "/{lang}/feeds/resources/topic/recovery/": [],
    "/open-data/indicators.csv": [],
    "/open-data/indicators.json": [],
    "/open-data/resources.csv": [],
    "/open-data/resources.json": [],
    "/open-data/events.csv": [],
    "/open-data/events.json": [],
    "/open-data/targets.csv": [],
    "/open-data/targets.json": [],
    "/{lang}/progress/": ["sort", "map"],
    "/{lang}/feeds/events/": [],
    "/{lang}/events/calendar.ics": ["country", "topic"],
    "/{lang}/events/open-webinar/calendar.ics": [],
    "/sitemap.xml": ["p"],
    "/sitemap-pages.xml": ["p"],
    "/sitemap-views.xml": ["p"],
}
LISTING = ["limit", "offset", "order", "fields", "search", "search_operator"]
PAGE_FILTERS = [
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "locale",
    "translation_of",
    "slug",
    "title",
    "show_in_menus",
    "html_path",
    "site",
    "id",
]
API = {
    "/api/v2/pages/": LISTING + PAGE_FILTERS,
    "/api/v2/pages/{kenya}/": ["fields", "type"],
    "/api/v2/pages/find/": ["html_path", "type", "id"],
    "/api/v2/targets/find/": ["id"],
    "/api/v2/resources/": LISTING
    + PAGE_FILTERS
    + ["topic", "audience", "language", "country", "publication_date", "countries"],
    "/api/v2/resources/{guide}/": ["fields", "topic", "type"],
    "/api/v2/events/": LISTING
    + PAGE_FILTERS
    + ["country", "topic", "format", "language", "interpretation", "access", "month", "when"],
    "/api/v2/events/{webinar}/": ["fields", "when"],
    "/api/v2/images/": LISTING + ["tags", "title", "id"],
    "/api/v2/documents/": LISTING + ["tags", "title", "id"],
    "/api/v2/targets/": ["limit", "offset", "fields"],
}


@pytest.fixture
def site(portal_site, library):
    countries = country_index(portal_site)
    story_index(portal_site)
    publish(library)
    kenya = country(countries, "Kenya", "KE")
    story(kenya, "Open story", topics=[])
    guide = make_resource(
        library, "Open guide", topics=["recovery"], countries=[kenya], files=("en", "fr")
    )
    webinar = make_event(events_index(portal_site), "Open webinar", interpretation=("ils",))
    return {
        "kenya": kenya.pk,
        "guide": guide.pk,
        "file": guide.files.first().pk,
        "webinar": webinar.pk,
    }


def query(endpoints):
    """(path template, [(name, value), ...]): known names mostly, repeated at will."""

    def pairs(template):
        names = st.sampled_from(endpoints[template] + ["page", "q", "x", "fields"])
        return st.tuples(st.just(template), st.lists(st.tuples(names, VALUE), max_size=6))

    return st.sampled_from(sorted(endpoints)).flatmap(pairs)


def get(client, site, template, pairs, lang="en", file=None):
    path = template.format(**{**site, "lang": lang, "file": file or site["file"]})
    response = client.get(f"{path}?{urlencode(pairs)}" if pairs else path)
    if response.streaming:
        b"".join(response.streaming_content)  # a streamed body fails while it is read
    assert response.status_code < 500, (path, pairs, response.status_code)
    return response


@settings(RUNS, max_examples=len(PAGES) * 30)
@given(drawn=query(PAGES), lang=st.sampled_from(LANGUAGES))
def test_pages_never_answer_with_a_server_error(client, site, drawn, lang):
    get(client, site, *drawn, lang=lang)


@settings(RUNS, max_examples=len(FORMS) * 25)
@given(drawn=query(FORMS), lang=st.sampled_from(LANGUAGES))
# Found by this test: "²" passed str.isdigit() into int() (core/page_cache.py).
@example(drawn=("/sitemap-pages.xml", [("page", "²")]), lang="en")
def test_search_forms_feeds_open_data_and_sitemap_never_fail(client, site, drawn, lang):
    get(client, site, *drawn, lang=lang)


@settings(RUNS, max_examples=len(API) * 40)
@given(drawn=query(API))
# Found by this test: Wagtail looked `?site=` up unchecked (portal/api.py).
@example(drawn=("/api/v2/pages/", [("site", "nowhere.example")]))
@example(drawn=("/api/v2/resources/", [("site", "localhost:port")]))
@example(drawn=("/api/v2/events/", [("site", "\x00")]))  # PostgreSQL refuses NUL
# And `?id=` on the find endpoints (portal/api.py PublicReadMixin.find_object).
@example(drawn=("/api/v2/pages/find/", [("id", "abc")]))
@example(drawn=("/api/v2/targets/find/", [("id", "abc")]))
def test_api_never_answers_with_a_server_error(client, site, drawn):
    get(client, site, *drawn)


@RUNS
@given(file=st.one_of(HUGE, st.sampled_from([str(2**63), "99999999999999999999999", "0"])))
def test_a_download_of_any_number_is_never_a_server_error(client, site, file):
    if not file.lstrip("-").isdigit() or file.startswith("-"):
        file = file.lstrip("-") or "0"
    get(client, site, "/{lang}/resources/open-guide/download/{file}/", [], file=file)
