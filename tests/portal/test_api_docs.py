"""Every curl example in docs/api.md, run against the test portal."""

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
EXAMPLE = re.compile(
    r'curl -s "http://127\.0\.0\.1:8000(?P<path>[^"]+)"'
    r"(?:\s+# → (?P<status>\d{3}) (?P<message>.+))?"
)
EXAMPLES = [m.groupdict() for m in EXAMPLE.finditer(DOC.read_text())]


def test_the_doc_has_examples():
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["path"] for e in EXAMPLES])
def test_documented_example(client, portal_site, example):
    path = example["path"].replace("translation_of=3", f"translation_of={portal_site.pk}")
    response = client.get(path)
    assert response.status_code == int(example["status"] or 200), response.content[:300]
    data = response.json()
    if example["status"]:
        assert data["message"].startswith(example["message"].strip())
    else:
        assert "items" in data and data["meta"]["total_count"] >= 0
