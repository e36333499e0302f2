"""`manage.py db_worker` as a child process, on a throwaway database (servers.py), for
tests/portal/test_worker.py."""

import json
import subprocess
import sys
import time

from tests.support.servers import manage
from tests.support.settings import ROOT


def start_worker(env, worker_id, log):
    """A worker polling every 0.1 s; its output goes to the file `log`."""
    with open(log, "ab") as out:
        return subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--worker-id",
                worker_id,
                "--interval",
                "0.1",
                "--no-startup-delay",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_until(condition, process, timeout=60):
    """Polls `condition` until it holds; fails early if `process` exits."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            raise RuntimeError(f"the worker exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError("the worker did not get there in time")
        time.sleep(0.05)


def shell_json(env, code):
    """Runs `code` in `manage.py shell` and parses the JSON it prints last."""
    return json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])


QUEUE_STATE = """
import json
from django_tasks_db.models import DBTaskResult
from search.models import DocumentText
tasks = {}
for row in DBTaskResult.objects.order_by("enqueued_at"):
    name = row.task_path.rsplit(".", 1)[1]
    args = row.args_kwargs["args"]
    key = name + ":" + str(args[-1]) if name == "hold_then_record" else name
    tasks.setdefault(key, []).append([row.status, len(row.worker_ids)])
texts = list(DocumentText.objects.values_list("document__title", "status", "text"))
print(json.dumps({"tasks": tasks, "texts": texts}))
"""
