"""deploy/systemd: every unit passes systemd's own check, and every scheduled job README
lists has a timer that runs a management command the portal has."""

import re
import subprocess

from django.core.management import get_commands

from tests.support.components import require_program
from tests.support.settings import ROOT

UNITS = ROOT / "deploy" / "systemd"


def timers():
    """{timer file name: (the service it starts, the management command that runs)}"""
    found = {}
    for timer in sorted(UNITS.glob("*.timer")):
        service = re.search(r"^Unit=(portal-[\w@-]+\.service)$", timer.read_text(), re.M)
        assert service, f"{timer.name} starts no portal service"
        instance = re.fullmatch(r"portal-job@(\w+)\.service", service[1])
        if instance:
            found[timer.name] = (service[1], instance[1])
        else:
            run = re.search(
                r"^ExecStart=.* manage\.py (\w+)", (UNITS / service[1]).read_text(), re.M
            )
            found[timer.name] = (service[1], run[1])
    return found


def scheduled_commands():
    return {command for _, command in timers().values()}


def test_every_scheduled_job_in_the_readme_has_a_timer():
    cron = re.search(r"```cron\n(.*?)```", (ROOT / "README.md").read_text(), re.S)[1]
    jobs = set(re.findall(r"manage\.py (\w+)", cron))
    assert jobs, "README lists no scheduled job"
    assert jobs <= scheduled_commands()


def test_units_run_commands_the_portal_has():
    commands = get_commands()
    for name, (_, command) in timers().items():
        assert command in commands, f"{name} runs manage.py {command}, which does not exist"
    worker = (UNITS / "portal-worker.service").read_text()
    assert re.search(r"^ExecStart=.* manage\.py db_worker\b", worker, re.M)
    assert "db_worker" in commands


def test_units_pass_systemd_analyze_verify(tmp_path):
    program = require_program("systemd-analyze", "systemd")
    # The units name /srv/portal, as docs/deploy.md installs it; systemd checks that the
    # programs exist, so point them at this checkout.
    for unit in UNITS.iterdir():
        text = unit.read_text().replace("/srv/portal", str(ROOT))
        (tmp_path / unit.name).write_text(text)
    services = {service for service, _ in timers().values()}
    for service in services:
        if not (tmp_path / service).exists():  # an instance of portal-job@.service
            (tmp_path / service).write_text((tmp_path / "portal-job@.service").read_text())
    names = ["portal-web.service", "portal-worker.service", *timers(), *sorted(services)]
    result = subprocess.run(
        [program, "verify", *(str(tmp_path / name) for name in names)],
        env={"SYSTEMD_UNIT_PATH": f"{tmp_path}:", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout + result.stderr == ""
