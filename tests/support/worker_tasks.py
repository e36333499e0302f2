"""Tasks for the worker tests (tests/portal/test_worker.py), importable by a
`manage.py db_worker` child process, which runs from the checkout."""

import time
from pathlib import Path

from django_tasks import task


@task()
def hold_then_record(folder, name):
    """Notes each run (`run-<name>-<n>`), waits until the test creates `release` (so the
    test can stop the worker in the middle), then records its effect: one file, written
    the same way whatever the number of runs (the idempotent design every portal task
    follows)."""
    folder = Path(folder)
    runs = len(list(folder.glob(f"run-{name}-*")))
    (folder / f"run-{name}-{runs + 1}").touch()
    while not (folder / "release").exists():
        time.sleep(0.02)
    (folder / f"done-{name}").write_text(name)
    return name


@task(takes_context=True)
def fail_until(context, attempt):
    """Raises until its `attempt`th run."""
    if context.attempt < attempt:
        raise ConnectionError(f"attempt {context.attempt} failed")
    return context.attempt
