"""Production settings: refuse to start without secrets; `check --deploy` is clean."""

from tests.support.settings import REALISTIC, manage


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", env={"ALLOWED_HOSTS": "portal.example.org"})
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", env={"SECRET_KEY": REALISTIC["SECRET_KEY"]})
    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_check_deploy_is_clean_with_a_realistic_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=REALISTIC)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_elasticsearch_url_switches_search_backend():
    # The portal's backends are Wagtail's, extended per language (docs/search.md).
    code = (
        "from django.conf import settings;"
        "from wagtail.search.backends import get_search_backend;"
        "print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'],"
        " ','.join(c.__name__ for c in type(get_search_backend()).__mro__))"
    )
    result = manage(
        "shell", "-c", code, env={**REALISTIC, "ELASTICSEARCH_URL": "http://127.0.0.1:9200"}
    )
    path, bases = result.stdout.split()[-2:]
    assert path == "search.backends.elasticsearch", result.stderr
    assert "Elasticsearch9SearchBackend" in bases.split(",")
    result = manage("shell", "-c", code, env=REALISTIC)
    path, bases = result.stdout.split()[-2:]
    assert path == "search.backends.database", result.stderr
    # REALISTIC's SQLite file is not migrated, so Wagtail picks its FTS-less fallback.
    assert "DatabaseSearchBackend" in bases.split(",")


def test_machine_translation_is_off_unless_configured():
    code = (
        "from django.conf import settings;"
        "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
    )
    assert manage("shell", "-c", code, env=REALISTIC).stdout.split()[-1] == "None"
    deepl = manage("shell", "-c", code, env={**REALISTIC, "DEEPL_AUTH_KEY": "abc:fx"})
    assert deepl.stdout.split()[-1].endswith("DeepLTranslator")
    libre = manage(
        "shell", "-c", code, env={**REALISTIC, "LIBRETRANSLATE_URL": "http://127.0.0.1:5000"}
    )
    assert libre.stdout.split()[-1].endswith("LibreTranslator")
