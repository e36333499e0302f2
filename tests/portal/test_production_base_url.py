"""Production refuses to start without the public base URL that emails and the API use."""

from tests.support.settings import REALISTIC, manage


def test_production_refuses_to_start_without_the_public_base_url():
    env = {k: v for k, v in REALISTIC.items() if k != "WAGTAILADMIN_BASE_URL"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "Set the WAGTAILADMIN_BASE_URL environment variable" in result.stderr


def test_the_api_base_url_follows_the_public_base_url():
    code = "from django.conf import settings; print(settings.WAGTAILAPI_BASE_URL)"
    result = manage(
        "shell", "-c", code, env={**REALISTIC, "WAGTAILADMIN_BASE_URL": "https://x.org/"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "https://x.org"
