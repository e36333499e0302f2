"""Debian's nginx running the deployment's site configuration (deploy/nginx/portal.conf)
as an unprivileged child process: its own pid file, logs and temporary folders under a
test folder, listening on 127.0.0.1 only."""

import getpass
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from tests.support.components import require_program
from tests.support.servers import stop
from tests.support.settings import ROOT

SITE_TEMPLATE = ROOT / "deploy" / "nginx" / "portal.conf"

# What Debian's /etc/nginx/nginx.conf gives a site, with every path moved under `folder`.
MAIN_CONF = """
{user}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/portal.conf;
}}
"""


def render_site(**values):
    """deploy/nginx/portal.conf rendered by deploy/render.py, as an operator does."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "render.py"), str(SITE_TEMPLATE)],
        env={f"PORTAL_{name.upper()}": str(value) for name, value in values.items()},
        capture_output=True,
        text=True,
        timeout=30,
    )
    if result.returncode:
        raise RuntimeError(f"deploy/render.py failed: {result.stderr}")
    return result.stdout


def self_signed_certificate(folder):
    """A certificate for localhost and 127.0.0.1, valid for a day; returns (cert, key)."""
    openssl = require_program("openssl")
    cert, key = Path(folder) / "cert.pem", Path(folder) / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],  # fmt: skip
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def _wait_for_port(port, process, error_log, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}:\n{error_log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nginx did not listen on {port} within {timeout} s")


@contextmanager
def nginx(site_conf, folder, port):
    """nginx with `site_conf` (a rendered portal.conf) in `folder`, once it listens on
    `port`; yields the folder, where error.log and the site's logs are."""
    program = require_program("nginx")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "portal.conf").write_text(site_conf)
    # As root, nginx's workers would otherwise run as "nobody", who may not read the
    # test's folders.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(MAIN_CONF.format(folder=folder, user=user))
    error_log = folder / "error.log"
    error_log.touch()
    command = [program, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(error_log)]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    if check.returncode:
        raise RuntimeError(f"nginx refuses the configuration:\n{check.stderr}")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, process, error_log)
        yield folder
    finally:
        stop(process)  # SIGTERM: nginx's fast shutdown
