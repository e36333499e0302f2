"""The interface catalogues: complete for every portal language, and up to date with
the strings in the code (makemessages would add nothing)."""

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")
IGNORED = [".venv/*", "tests/*", "bench/*", "static/*", "media/*"]
COPY_IGNORED = [".venv", ".git", "media", "static", "*.sqlite3", "test-artifacts", ".test-media*"]
COPY_IGNORED += ["__pycache__", ".pytest_cache", ".ruff_cache", "*.mo"]


def catalogue(code):
    return ROOT / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_is_complete(code):
    po = polib.pofile(str(catalogue(code)))
    assert not [e.msgid for e in po.untranslated_entries()], "untranslated entries"
    assert not [e.msgid for e in po.fuzzy_entries()], "fuzzy entries"
    for entry in po.translated_entries():
        expected = set(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            expected |= set(PLACEHOLDER.findall(entry.msgid_plural))
            translations = entry.msgstr_plural.values()
        else:
            translations = [entry.msgstr]
        for text in translations:
            # A singular form may leave out the count ("one resource"), nothing else.
            assert set(PLACEHOLDER.findall(text)) <= expected, (entry.msgid, text)
            assert expected - set(PLACEHOLDER.findall(text)) <= {"%(counter)s"}, (
                entry.msgid,
                text,
            )


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path):
    if not shutil.which("xgettext"):
        message = "GNU gettext (xgettext) is not installed: apt-get install gettext"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # makemessages writes next to the sources it reads, so it runs on a copy.
    copy = tmp_path / "portal"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*COPY_IGNORED))
    cwd = os.getcwd()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[copy / "locale"]):
            call_command(
                "makemessages",
                locale=["fr"],
                ignore_patterns=IGNORED,
                no_obsolete=True,
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    extracted = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(copy / catalogue("fr").relative_to(ROOT)))
    }
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue("fr")))}
    assert not extracted - committed, f"run makemessages: new {sorted(extracted - committed)[:5]}"
    assert not committed - extracted, f"stale strings: {sorted(committed - extracted)[:5]}"
