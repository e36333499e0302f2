"""Production settings: refuse to start without secrets; `check --deploy` is clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALISTIC = {
    "SECRET_KEY": "k" * 20 + "-realistic-production-secret-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "sqlite:////tmp/portal-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}


def manage(*args, env):
    unset = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    base = {k: v for k, v in os.environ.items() if k not in unset}
    base["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


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
    code = (
        "from django.conf import settings;"
        "print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    result = manage(
        "shell", "-c", code, env={**REALISTIC, "ELASTICSEARCH_URL": "http://127.0.0.1:9200"}
    )
    assert result.stdout.split()[-1] == "search.backends.elasticsearch", result.stderr
    result = manage("shell", "-c", code, env=REALISTIC)
    assert result.stdout.split()[-1] == "search.backends.database", result.stderr
