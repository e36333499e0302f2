"""Property-based: whatever text arrives, the search page and the suggestions answer
normally (200), never with a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.search import add_page

pytestmark = pytest.mark.django_db

# Letters of several scripts, FTS5 and Elasticsearch operators, quotes, controls and
# direction marks, mixed with anything Unicode has.
SYNTAX = st.sampled_from(
    [
        '"',
        "'",
        "(",
        ")",
        "*",
        "-",
        "+",
        ":",
        "^",
        "~",
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "{",
        "}",
        "\\",
        "%",
        "\x00",
        "\x1b",
        "\u202e",
        "\u200f",
        "\u200b",
        "\ufeff",
        "\n",
    ]
)
WORDS = st.sampled_from(["peer", "support", "الإكراه", "contención", "формация", "नेपाली", "强制"])
TEXT = st.lists(st.one_of(SYNTAX, WORDS, st.text(max_size=20)), max_size=30).map(" ".join)
RUNS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def pages(portal_site):
    add_page("en", "Peer support network", "peer-support-network")
    add_page("ar", "إنهاء الإكراه", "ending-coercion")


@RUNS
@given(text=TEXT, code=st.sampled_from(["en", "ar", "zh-hans"]), across=st.booleans())
def test_search_page_never_fails(client, pages, text, code, across):
    params = {"q": text, "all_languages": "1" if across else ""}
    response = client.get(f"/{code}/search/", params)
    assert response.status_code == 200


@RUNS
@given(text=TEXT | st.text(min_size=4000, max_size=5000))
def test_suggestions_never_fail(client, pages, text):
    response = client.get("/en/search/suggest/", {"q": text})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)
