"""Text a person can type by accident never breaks a search (SQLite FTS5 syntax in
particular), and is cleaned the same way for every engine."""

import pytest
from wagtail.models import Page

from search.query import MAX_QUERY_LENGTH, MAX_TERMS, clean_query, search_pages
from tests.support.search import add_page

HOSTILE = [
    '"peer support',
    'peer" support"',
    '"',
    '""',
    "AND OR",
    "peer AND OR support",
    "NOT",
    "NEAR(peer support",
    "NEAR(peer, 2)",
    "*",
    "peer*",
    "-",
    "-peer",
    "peer -support",
    "{title body}: peer",
    "title:peer",
    "^peer",
    "peer + support",
    "(peer",
    "50% of people",
    "back\\slash",
    "it's peer's",
    "\x00\x01peer\x7f\x1b[31m",
    "peer\u200bsupport",
    "الإكراه \u202eفي\u202c الخدمات",
    "דיון\u200fפתוח",
    "💬🧠",
    "x" * 5000,
    "peer " * 1000,
]


@pytest.mark.django_db
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_raises(portal_site, text):
    add_page("en", "Peer support network", "peer-support-network")
    results, clean = search_pages(Page.objects.live(), text, "en")
    if results is not None:
        list(results[:10])
        results.count()


@pytest.mark.django_db
def test_unbalanced_quote_still_finds_the_words(portal_site):
    add_page("en", "Peer support network", "peer-support-network")
    results, _ = search_pages(Page.objects.live(), '"peer support', "en")
    assert "Peer support network" in [page.title for page in results]


@pytest.mark.django_db
def test_quoted_phrase_is_a_phrase(portal_site):
    add_page("en", "Peer support network", "peer-support-network")
    add_page("en", "Support for peer workers", "support-peer")
    results, _ = search_pages(Page.objects.live(), '"peer support"', "en")
    assert [page.title for page in results] == ["Peer support network"]


def test_operators_become_words_or_spaces():
    clean = clean_query('NEAR(peer* -support) "ending coercion" AND')
    assert clean.phrases == ["ending coercion"]
    assert clean.terms == ["NEAR", "peer", "support", "AND"]


def test_control_characters_are_removed():
    assert clean_query("peer\x00\x07support\n").text == "peer support"


def test_long_text_is_shortened_and_said_so():
    clean = clean_query("word " * 2000)
    assert clean.shortened
    assert len(clean.text) <= MAX_QUERY_LENGTH
    assert len(clean.terms) == MAX_TERMS


def test_marks_stay_inside_words():
    # Devanagari vowel signs are combining marks; they belong to the word.
    assert clean_query("नेपाली भाषा").terms == ["नेपाली", "भाषा"]


def test_nothing_searchable():
    assert not clean_query(' * - " ( ')
