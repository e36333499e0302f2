"""django-tasks-db's `db_worker`, same name and options, which first puts back in the
queue the tasks a killed worker left running (portal/worker.py). Give each worker a
fixed `--worker-id` (e.g. the host name and a number) so that it finds its own at once.

A worker stopped with SIGTERM finishes the task it is running, then exits; a second
SIGTERM, or SIGKILL, stops the task, which runs again when a worker starts."""

from django_tasks_db.management.commands import db_worker

from portal.worker import requeue_interrupted


class Command(db_worker.Command):
    help = "Run the background task worker (django-tasks-db's, see docs/operations.md)."

    def handle(self, *args, worker_id, backend_name, **options):
        requeued, failed = requeue_interrupted(worker_id, backend_name)
        if requeued or failed:
            self.stdout.write(f"{requeued} interrupted tasks queued again, {failed} given up")
        super().handle(*args, worker_id=worker_id, backend_name=backend_name, **options)
