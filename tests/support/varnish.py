"""Debian's Varnish with the portal's configuration (deploy/varnish/portal.vcl) in front
of a gunicorn on 127.0.0.1, as a child process with its own working folder."""

import subprocess
from contextlib import contextmanager

from tests.support.components import require_program
from tests.support.servers import free_port, wait_for
from tests.support.settings import ROOT

VCL = ROOT / "deploy" / "varnish" / "portal.vcl"


@contextmanager
def varnish(backend_port, tmp_path):
    varnishd = require_program("varnishd", "varnish")
    vcl = tmp_path / "portal.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";'))
    port = free_port()
    process = subprocess.Popen(
        [
            varnishd,
            "-F",  # in the foreground: a child we can stop
            "-j",
            "none",  # no privilege separation: a test's throwaway instance
            "-n",
            str(tmp_path / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,64m",
            "-T",
            "none",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz", process=process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
