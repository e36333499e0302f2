"""Relevance: for each judged query (tests/search/judgements.json), the judged resource
comes first on the site search page, in English, French, Spanish and Arabic. Other
resources hold the same words in their body text, so the title and summary boosts and
each language's stemming decide the order. Runs on SQLite and on PostgreSQL."""

import json
from pathlib import Path

import pytest

from tests.support.countries import translate
from tests.support.resources import make_resource

pytestmark = pytest.mark.django_db

JUDGEMENTS = json.loads((Path(__file__).parent / "judgements.json").read_text())


@pytest.fixture
def judged_resources(library):
    titles = {}
    for entry in JUDGEMENTS["resources"]:
        page = make_resource(
            library,
            entry["title"],
            summary=entry["summary"],
            description=f"<p>{entry['description']}</p>",
        )
        titles[entry["key"]] = {"en": entry["title"]}
        for code, fields in entry["translations"].items():
            translate(page, code, **fields)
            titles[entry["key"]][code] = fields["title"]
    return titles


def first_result(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query, "content": "resourcepage"})
    assert response.status_code == 200
    results = response.context["results"]
    return results[0]["title"] if results else None


def test_judged_resource_comes_first(client, judged_resources):
    # One test for every judgement: building the resources once keeps it quick, and a
    # failure lists every judgement that missed.
    misses = []
    for judgement in JUDGEMENTS["judgements"]:
        language = judgement["language"]
        expected = judged_resources[judgement["first"]][language]
        found = first_result(client, language, judgement["query"])
        if found != expected:
            misses.append(f"{language} {judgement['query']!r}: {found!r}, not {expected!r}")
    assert misses == []


def test_the_judgements_are_not_trivial(client, judged_resources):
    """Each English query also matches another resource's body, so order is tested."""
    for judgement in JUDGEMENTS["judgements"]:
        if judgement["language"] == "en" and judgement["query"] != "seclusion":
            response = client.get("/en/search/", {"q": judgement["query"]})
            resources = [r for r in response.context["results"] if r["type"] == "resource"]
            assert len(resources) >= 2, judgement["query"]


def test_summary_judgements_rest_on_the_summary_alone():
    """A judgement marked "summary boost" finds the word only in the summary of the
    resource that must come first, and in another resource's shorter body: without the
    summary boost the shorter body would rank first (checked when these were written by
    setting SUMMARY_BOOST to None: they fail on both databases)."""
    by_key = {entry["key"]: entry for entry in JUDGEMENTS["resources"]}
    judged = [j for j in JUDGEMENTS["judgements"] if "summary boost" in j.get("decided_by", "")]
    assert len(judged) >= 2
    for judgement in judged:
        word, language = judgement["query"].lower(), judgement["language"]
        first = by_key[judgement["first"]]
        texts = {**first, **first["translations"].get(language, {})}
        assert word in texts["summary"].lower()
        assert word not in texts["title"].lower() + first["description"].lower()
        rivals = [
            entry
            for entry in JUDGEMENTS["resources"]
            if entry is not first and word in entry["description"].lower()
        ]
        assert rivals, judgement
        assert all(len(r["description"]) < len(first["description"]) for r in rivals)
