"""The portal served by gunicorn in child processes, as in production: a throwaway
database (a SQLite file, or a PostgreSQL database when the run uses PostgreSQL), a cache
shared by every process (Redis database 15 unless the test names another; the test
flushes it) and production settings.

Tests that need a real HTTP server in front (Varnish, nginx), a second process, or a
worker use these. Everything runs on 127.0.0.1.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import dj_database_url

from tests.support.settings import REALISTIC, ROOT


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (localhost only)
            return
        except urllib.error.HTTPError:
            return  # the server answers, whatever it says
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def throwaway_database_url(tmp_path, name):
    """A fresh database for child processes: beside the test database on PostgreSQL,
    a file in `tmp_path` on SQLite."""
    test_url = os.environ.get("DATABASE_URL", "")
    if not test_url.startswith("postgres"):
        return f"sqlite:///{tmp_path / (name + '.sqlite3')}"
    import psycopg

    config = dj_database_url.parse(test_url)
    database = f"{config['NAME']}_{name}"
    admin_url = test_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database}"')
    return test_url.rsplit("/", 1)[0] + "/" + database


def environment(database_url, tmp_path, **extra):
    """Production settings for child processes, with media and collected static files
    under `tmp_path`. Run `manage(env, "collectstatic", "--no-input")` once before
    serving pages (the manifest storage needs it)."""
    unset = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SENTRY_DSN", "ELASTICSEARCH_URL"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(REALISTIC)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=database_url,
        ALLOWED_HOSTS="127.0.0.1,localhost,portal.example.org",
        SECURE_SSL_REDIRECT="false",
        REDIS_URL="redis://127.0.0.1:6379/15",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(env, *args, timeout=300):
    """Run manage.py in a child process; raise with its output when it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"


def stop(process, timeout=10):
    """Ask a child process to end (SIGTERM), and kill it if it has not within `timeout`
    seconds, so that no test leaves a server running."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _tail(path, lines=40):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


@contextmanager
def gunicorn(env, workers=2, port=None, log_path=None):
    """gunicorn serving the portal on 127.0.0.1 with the deployment's configuration
    (deploy/gunicorn.conf.py); yields its base URL. Its access and error logs go to
    `log_path` (a temporary file by default), never to a pipe nobody reads, which would
    stop the server once full; they are shown when it fails to start."""
    port = port or free_port()
    own_log = log_path is None
    if own_log:
        handle, log_path = tempfile.mkstemp(prefix="gunicorn-", suffix=".log")
        os.close(handle)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(GUNICORN_CONF),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--access-logfile",
                "-",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for(base + "/healthz", process=process)
        except (RuntimeError, TimeoutError) as error:
            raise RuntimeError(f"{error}; gunicorn's log ends:\n{_tail(log_path)}") from None
        yield base
    finally:
        stop(process)
        if own_log:
            os.unlink(log_path)
