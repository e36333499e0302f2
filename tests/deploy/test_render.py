"""deploy/render.py fills PORTAL_ placeholders, leaves nginx's own variables alone and
refuses to print a configuration with a required value missing."""

import subprocess
import sys

from tests.support.settings import ROOT


def render(template, tmp_path, **env):
    path = tmp_path / "site.conf"
    path.write_text(template)
    return subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "render.py"), str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_placeholders_are_filled_and_nginx_variables_kept(tmp_path):
    result = render(
        "server_name ${PORTAL_SERVER_NAME}; listen ${PORTAL_LISTEN:-443}; return $host${kept};",
        tmp_path,
        PORTAL_SERVER_NAME="portal.example.org",
    )
    assert result.returncode == 0
    assert result.stdout == "server_name portal.example.org; listen 443; return $host${kept};"


def test_a_missing_value_is_named_and_nothing_printed(tmp_path):
    result = render("a ${PORTAL_B} c ${PORTAL_A} ${PORTAL_C:-x}", tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Set PORTAL_A, PORTAL_B" in result.stderr
