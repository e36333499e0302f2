"""Malformed or hostile library URLs give a normal page and a clear message, never a 500."""

import pytest

from tests.support.resources import make_resource


@pytest.fixture
def shelf(library):
    make_resource(library, "Recovery guide", topics=["recovery"])
    return library


@pytest.mark.parametrize(
    "query, message",
    [
        ("topic=no-such-topic", "no-such-topic is not one of the available choices"),
        ("type=guidance&type=%3Cscript%3E", "&lt;script&gt; is not one of the available"),
        ("language=xx", "xx is not one of the available choices"),
        ("access=wings", "wings is not one of the available choices"),
        ("year_from=abc", "Enter a whole number"),
        ("year_from=99999999999999999999", "less than or equal to 2100"),
        ("year_from=2020&year_to=2000", "must not be before the first year"),
        ("sort=random", "random is not one of the available choices"),
        ("q=" + "x" * 300, "at most 200 characters"),
    ],
)
def test_bad_values_are_ignored_with_a_message(client, shelf, query, message):
    response = client.get(f"/en/resources/?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="alert"' in body and message in body
    assert [r.title for r in response.context["results"]] == ["Recovery guide"]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        'recovery"',
        "AND OR",
        "NEAR(",
        "NEAR(recovery",
        "*",
        "-",
        "recov*",
        "a - b",
        "(",
        ")",
        "^",
        ":",
        "recovery AND",
        "OR recovery",
        "'",
        "\\",
        "%",
        "ß€字",
    ],
)
def test_search_syntax_never_breaks_the_page(client, shelf, text):
    response = client.get("/en/resources/", {"q": text})
    assert response.status_code == 200


def test_search_words_still_match_around_stray_syntax(client, shelf):
    response = client.get("/en/resources/", {"q": '"recovery*'})
    assert [r.title for r in response.context["results"]] == ["Recovery guide"]


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999999999999999999", "1.5"])
def test_malformed_page_numbers_show_a_page_of_results(client, shelf, page):
    response = client.get(f"/en/resources/?page={page}")
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


def test_unknown_download_is_a_404(client, shelf):
    assert client.get("/en/resources/recovery-guide/download/999999/").status_code == 404
    assert client.get("/en/resources/recovery-guide/download/abc/").status_code == 404
