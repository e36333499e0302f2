"""Background work with the database backend (portal/worker.py, docs/operations.md):
bounded retries, logged with the task's arguments and no address; and nothing lost when
the worker is stopped in the middle of a task, gracefully (SIGTERM) or not (SIGKILL).

The process tests run `manage.py db_worker` with production settings on a throwaway
database; the others run django-tasks-db's worker loop in the test process."""

import datetime
import logging
import signal

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from alerts import tasks as alert_tasks
from alerts.models import Subscription
from portal.worker import requeue_interrupted
from tests.support.countries import country, country_index, story
from tests.support.servers import environment, free_port, manage, throwaway_database_url
from tests.support.worker import QUEUE_STATE, shell_json, start_worker, wait_until
from tests.support.worker_tasks import fail_until

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker(worker_id="test-worker"):
    """django-tasks-db's worker loop until nothing is ready to run (its --batch mode)."""
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


@pytest.fixture
def database_backend(db, settings, monkeypatch):
    settings.TASKS = DATABASE_BACKEND
    # The worker closes stale connections between tasks, which would end the test's
    # transaction on PostgreSQL; Django's test client skips the same call between requests.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASK_MAX_ATTEMPTS = 3
    settings.TASK_RETRY_DELAY = 0


def test_a_failing_task_is_retried_until_it_succeeds(database_backend, caplog):
    result = fail_until.enqueue(3)
    with caplog.at_level(logging.WARNING, logger="portal.worker"):
        run_worker()
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.attempts == 3 and result.return_value == 3
    # Logged with the task's arguments and the exception's type, once per failure.
    failures = [r.getMessage() for r in caplog.records if r.name == "portal.worker"]
    assert failures == [
        "Task fail_until [3] {} (builtins.ConnectionError) failed on attempt 1 of 3: "
        "runs again in 0 s",
        "Task fail_until [3] {} (builtins.ConnectionError) failed on attempt 2 of 3: "
        "runs again in 0 s",
    ]


def test_a_task_that_keeps_failing_is_given_up_after_the_last_attempt(database_backend, caplog):
    result = fail_until.enqueue(10)
    with caplog.at_level(logging.WARNING, logger="portal.worker"):
        run_worker()
    result.refresh()
    assert result.status == TaskResultStatus.FAILED and result.attempts == 3
    assert "Task fail_until [10] {} (builtins.ConnectionError) failed 3 times: given up" in (
        caplog.text
    )
    assert "ConnectionError: attempt 3 failed" in result.errors[-1].traceback


def test_a_retry_waits_longer_after_each_attempt(database_backend, settings):
    settings.TASK_RETRY_DELAY = 60
    result = fail_until.enqueue(2)
    before = timezone.now()
    run_worker()  # runs it once; the retry is not due yet, so the batch ends
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY and len(row.worker_ids) == 1
    assert before + datetime.timedelta(seconds=59) < row.run_after
    assert row.run_after < before + datetime.timedelta(seconds=70)


def test_a_digest_the_mail_server_refuses_is_retried_and_logged_without_the_address(
    database_backend, portal_site, caplog
):
    kenya = country(country_index(portal_site), "Kenya", "KE")
    subscription = Subscription.objects.create(
        email="amina@example.org",
        language="en",
        countries=["kenya"],
        confirmed_at=timezone.now() - datetime.timedelta(hours=1),
    )
    story(kenya, "Peer support in Nairobi")
    dead_smtp = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": free_port(), "EMAIL_USE_TLS": False}
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", **dead_smtp),
        caplog.at_level(logging.INFO),
    ):
        result = alert_tasks.send_digest.enqueue(subscription.pk, timezone.now().isoformat())
        run_worker()
    result.refresh()
    assert result.status == TaskResultStatus.FAILED and result.attempts == 3
    assert f"subscription {subscription.pk} not sent: ConnectionRefusedError" in caplog.text
    assert "failed 3 times: given up" in caplog.text
    row = DBTaskResult.objects.get(pk=result.id)
    for text in (caplog.text, row.traceback, str(row.args_kwargs)):
        assert "amina@example.org" not in text
    subscription.refresh_from_db()
    assert subscription.last_sent_at is None  # the next run sends it all

    result = alert_tasks.send_digest.enqueue(subscription.pk, timezone.now().isoformat())
    run_worker()  # the mail server is back (locmem)
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    # Run again (a worker restarted after sending), the task sends nothing twice.
    until = Subscription.objects.get().last_sent_at.isoformat()
    assert alert_tasks.send_digest.call(subscription.pk, until) == "done"
    assert len(mail.outbox) == 1


def claimed(worker_id, attempts=1, started=None):
    result = fail_until.enqueue(1)
    row = DBTaskResult.objects.get(pk=result.id)
    for _ in range(attempts):
        row.claim(worker_id)
    if started:
        DBTaskResult.objects.filter(pk=row.pk).update(started_at=started)
    return row.pk


def test_a_starting_worker_queues_again_what_a_killed_worker_left_running(
    database_backend, settings
):
    settings.TASK_STALLED_AFTER = 3600
    own = claimed("web-1")  # this worker's previous run was killed
    busy = claimed("web-2")  # another worker, running it now
    stalled = claimed("web-3", started=timezone.now() - datetime.timedelta(hours=2))
    poison = claimed("web-1", attempts=3)  # killed its worker three times

    assert requeue_interrupted("web-1") == (2, 1)
    status = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert status[own] == status[stalled] == TaskResultStatus.READY
    assert status[busy] == TaskResultStatus.RUNNING
    assert status[poison] == TaskResultStatus.FAILED
    run_worker()
    assert DBTaskResult.objects.get(pk=own).status == TaskResultStatus.SUCCESSFUL


# The worker as a process: production settings, a throwaway database.


@pytest.fixture(scope="module")
def worker_env(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("worker")
    url = throwaway_database_url(tmp, "ops_worker")
    env = environment(url, tmp, TASKS_BACKEND="database", TASK_RETRY_DELAY=0)
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input")  # the page-cache warming task renders pages
    return env


def enqueue(env, folder, held, also=""):
    """The held task first (highest priority), then `also`, in a child process."""
    code = (
        "from tests.support.worker_tasks import hold_then_record\n"
        f"hold_then_record.using(priority=10).enqueue({str(folder)!r}, {held!r})\n{also}"
        "print('{}')"
    )
    shell_json(env, code)


UPLOAD_PDF = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from demo.sample_files import pdf_bytes
get_document_model().objects.create(
    title="Peer support guide",
    file=ContentFile(pdf_bytes("Peer support guide", "en"), name="guide.pdf"),
)
"""


def test_a_killed_worker_loses_nothing_and_the_work_is_done_once(worker_env, tmp_path):
    enqueue(worker_env, tmp_path, "a", also=UPLOAD_PDF)
    worker = start_worker(worker_env, "ops-test-1", tmp_path / "worker.log")
    try:
        wait_until((tmp_path / "run-a-1").exists, worker)
    finally:
        worker.send_signal(signal.SIGKILL)  # no chance to finish or record anything
        worker.wait(timeout=30)
    state = shell_json(worker_env, QUEUE_STATE)
    assert state["tasks"]["hold_then_record:a"] == [["RUNNING", 1]]
    assert state["tasks"]["extract_document_text"] == [["READY", 0]]
    assert not (tmp_path / "done-a").exists()

    (tmp_path / "release").touch()
    out = manage(
        worker_env, "db_worker", "--batch", "--worker-id", "ops-test-1", "--no-startup-delay"
    )
    assert "1 interrupted tasks queued again" in out
    state = shell_json(worker_env, QUEUE_STATE)
    assert state["tasks"]["hold_then_record:a"] == [["SUCCESSFUL", 2]]  # run again...
    assert (tmp_path / "done-a").read_text() == "a"  # ...with one effect
    assert sorted(p.name for p in tmp_path.glob("run-a-*")) == ["run-a-1", "run-a-2"]
    # The PDF's text, extracted by the worker once, and every other task done.
    assert state["tasks"]["extract_document_text"] == [["SUCCESSFUL", 1]]
    [(title, status, text)] = state["texts"]
    assert status == "extracted" and "Peer support guide" in text
    assert {runs[-1][0] for runs in state["tasks"].values()} == {"SUCCESSFUL"}


def test_sigterm_lets_the_running_task_finish_and_leaves_the_rest_queued(worker_env, tmp_path):
    also = f"hold_then_record.enqueue({str(tmp_path)!r}, 'c')\n"
    enqueue(worker_env, tmp_path, "b", also=also)
    worker = start_worker(worker_env, "ops-test-2", tmp_path / "worker.log")
    try:
        wait_until((tmp_path / "run-b-1").exists, worker)
        worker.send_signal(signal.SIGTERM)
        (tmp_path / "release").touch()
        assert worker.wait(timeout=60) == 0  # finished "b", then stopped
    finally:
        if worker.poll() is None:
            worker.kill()
    state = shell_json(worker_env, QUEUE_STATE)
    assert state["tasks"]["hold_then_record:b"] == [["SUCCESSFUL", 1]]
    assert state["tasks"]["hold_then_record:c"] == [["READY", 0]]

    manage(worker_env, "db_worker", "--batch", "--worker-id", "ops-test-2", "--no-startup-delay")
    state = shell_json(worker_env, QUEUE_STATE)
    assert state["tasks"]["hold_then_record:c"] == [["SUCCESSFUL", 1]]
    assert sorted(p.name for p in tmp_path.glob("*-[bc]*")) == [
        "done-b",
        "done-c",
        "run-b-1",
        "run-c-1",
    ]
