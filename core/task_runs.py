"""Queueing one task per recipient, as the digest commands do, and saying what became
of them: with the immediate backend (development, tests) each has run by then; with the
database backend they wait for the worker."""

from collections import Counter

from django_tasks import TaskResultStatus


def enqueue_each(task, ids, *args):
    """Queue `task(id, *args)` for each id. A Counter of outcomes: "queued" (waiting for
    the worker), "failed", or the return value of a task that has run."""
    outcomes = Counter()
    for pk in ids:
        result = task.enqueue(pk, *args)
        if not result.is_finished:
            outcomes["queued"] += 1
        elif result.status == TaskResultStatus.FAILED:
            outcomes["failed"] += 1
        else:
            outcomes[result.return_value] += 1
    return outcomes
