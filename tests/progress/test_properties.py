"""Property-based: whatever query string reaches the progress page, the targets API or
the targets open data (arbitrary text, direction marks, NUL, repeated parameters), the
answer is never a server error, and a value the page does not know is never cached."""

import datetime
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import countries as build
from tests.support import targets as support

pytestmark = pytest.mark.django_db

VALUE = st.one_of(
    st.sampled_from(
        [
            "",
            "-",
            "--country",
            "country",
            "-region",
            "etraining-enrolled",
            "\x00",
            "\u202e",
            "٣",
            "-etraining-enrolled",
            "services-assessed",
            "1e309",
            str(2**63),
            "*",
            "%",
        ]
    ),
    st.text(max_size=40),
)
NAMES = st.sampled_from(["sort", "map", "page", "fields", "limit", "offset", "x"])
PAIRS = st.lists(st.tuples(NAMES, VALUE), max_size=5)
RUNS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(portal_site):
    index = build.country_index(portal_site)
    kind = support.enrolled()
    kenya = build.add_values(
        build.country(index, "Kenya", "KE"), kind, [(datetime.date(2024, 1, 1), 5)]
    )
    support.target(kind, 100, scope="country", country=kenya)
    return kenya


@RUNS
@given(
    path=st.sampled_from(
        [
            "/en/progress/",
            "/ar/progress/",
            "/zh-hans/progress/",
            "/api/v2/targets/",
            "/open-data/targets.csv",
            "/open-data/targets.json",
        ]
    ),
    pairs=PAIRS,
)
def test_never_a_server_error(client, site, path, pairs):
    response = client.get(f"{path}?{urlencode(pairs)}" if pairs else path)
    if response.streaming:
        b"".join(response.streaming_content)
    assert response.status_code < 500, (path, pairs)
    if path.endswith("/progress/") and response.status_code == 200:
        known = {"", "country", "-country", "region", "-region"}
        known |= {"etraining-enrolled", "-etraining-enrolled"}
        sorts = [value for name, value in pairs if name == "sort"]
        maps = [value for name, value in pairs if name == "map"]
        made_up = (sorts and sorts[-1] not in known) or (
            maps and maps[-1] not in ("", "etraining-enrolled")
        )
        if made_up:
            assert response["X-Page-Cache"] == "skip"
