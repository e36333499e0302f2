"""What the portal adds to django-tasks-db's worker (`manage.py db_worker`, extended by
portal/management/commands/db_worker.py): bounded retries, and running again the tasks a
killed worker left half done. docs/operations.md explains the choices.

- A task that raises is logged with its arguments (tasks take ids, never addresses) and
  the exception's type. With the database backend its row goes back to the queue, to run
  again TASK_RETRY_DELAY × attempt seconds later, until it has run TASK_MAX_ATTEMPTS
  times; then it stays "failed", with its traceback, for `prune_db_task_results`. The
  attempt count is the backend's own: a run records its worker's id (`attempts`).
- The library marks a task "running" when a worker claims it. If the worker is killed
  (SIGKILL, a power cut) the row would stay "running" for ever: when a worker starts, the
  rows its own id left running (a fixed `--worker-id` per worker slot) and the rows
  running for longer than TASK_STALLED_AFTER go back to the queue.

A task may therefore run more than once, so every task is written to have the same
effect when it runs again.
"""

import datetime
import logging

import sentry_sdk
from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


class WorkerStopped(Exception):
    """The task's worker stopped while running it, too many times."""


def describe(task_result):
    error = task_result.errors[-1].exception_class_path if task_result.errors else "?"
    return f"Task {task_result.task.name} {task_result.args} {task_result.kwargs} ({error})"


def retry_or_give_up(sender, task_result, **kwargs):
    """task_finished receiver. It runs inside the worker's own error handling, so it must
    not raise: a failure here is logged, and the task stays failed."""
    if task_result.status != TaskResultStatus.FAILED:
        return
    try:
        _retry_or_give_up(task_result)
    except Exception:
        logger.exception("Could not schedule task %s again", task_result.id)


def _retry_or_give_up(task_result):
    attempt, most = task_result.attempts, settings.TASK_MAX_ATTEMPTS
    db_result = getattr(task_result, "db_result", None)
    if db_result is None:
        logger.warning("%s failed; the immediate backend does not retry", describe(task_result))
        report()
        return
    if attempt >= most:
        logger.error("%s failed %d times: given up", describe(task_result), attempt)
        report()
        return
    delay = settings.TASK_RETRY_DELAY * attempt
    DBTaskResult.objects.filter(pk=db_result.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY,
        run_after=timezone.now() + datetime.timedelta(seconds=delay),
        finished_at=None,
    )
    logger.warning(
        "%s failed on attempt %d of %d: runs again in %d s",
        describe(task_result),
        attempt,
        most,
        delay,
    )


def report():
    """The task's exception, with its stack, to Sentry when it is configured (scrubbed by
    portal/observability.py). Receivers of task_finished run inside the backend's
    `except` block, so the exception is the one being handled. Only the final failure
    is reported: the retries before it are log lines."""
    sentry_sdk.capture_exception()


def connect():
    task_finished.connect(retry_or_give_up, dispatch_uid="portal.worker.retry")


def requeue_interrupted(worker_id, backend_name="default"):
    """Put back in the queue the tasks a stopped worker left "running": those of this
    worker's id, and any running for longer than TASK_STALLED_AFTER. A task that has
    already run TASK_MAX_ATTEMPTS times fails instead: one that kills its worker must not
    do so for ever. Returns (requeued, failed)."""
    now = timezone.now()
    stalled = now - datetime.timedelta(seconds=settings.TASK_STALLED_AFTER)
    requeued = failed = 0
    running = DBTaskResult.objects.running().filter(backend_name=backend_name)
    for row in running.order_by("started_at"):
        mine = bool(row.worker_ids) and row.worker_ids[-1] == worker_id
        if not (mine or (row.started_at and row.started_at < stalled)):
            continue
        task = f"Task {row.task_path} {row.args_kwargs}"
        if len(row.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
            row.set_failed(WorkerStopped(f"stopped {len(row.worker_ids)} times"))
            logger.error("%s: its worker stopped while running it; given up", task)
            failed += 1
            continue
        # Only if still running: another worker starting now may have taken it already.
        requeued += DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, run_after=now
        )
        logger.warning("%s: its worker stopped while running it; queued again", task)
    return requeued, failed
