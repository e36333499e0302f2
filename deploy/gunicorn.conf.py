"""gunicorn for the portal (docs/deploy.md): `gunicorn -c deploy/gunicorn.conf.py`, run by
deploy/systemd/portal-web.service. Settings come from the environment file; command-line
options override them.

Sync workers: nginx in front buffers slow clients' requests and responses, so a worker is
busy only while Django works. `systemctl reload portal-web` (HUP) starts workers on the
new code and lets the old ones finish their requests: upgrades drop no request.
"""

import os
import re

from gunicorn.glogging import Logger

wsgi_app = "portal.wsgi:application"
# Behind nginx on the same server; PORTAL_BIND=unix:/run/portal/web.sock works too.
bind = [os.environ.get("PORTAL_BIND", "127.0.0.1:8000")]
# gunicorn's usual advice, 2 per CPU + 1, on the CPUs this process may use. Each worker
# holds Django and Wagtail (about 150 MB); set WEB_CONCURRENCY where memory is short.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * len(os.sched_getaffinity(0)) + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after about ten thousand requests, so slow leaks never add up
# (a worker takes a second or more to start: not too often).
max_requests = 10000
max_requests_jitter = 1000
# Only nginx on this machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Reloads and upgrades go through signals (HUP); no control socket in the home folder.
control_socket_disable = True
proc_name = "portal-web"

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# No address, user agent, referrer or query string (search terms): nginx's request id
# ties a line to nginx's log and to the portal's own log lines.
access_log_format = '%(t)s %({x-request-id}i)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

# Withdrawal, alert and weekly-email stop links carry a secret that lets anyone act for
# the person.
SECRET_IN_PATH = re.compile(
    r"(/(?:share/withdraw|alerts/confirm|alerts/unsubscribe|weekly-email/stop)/)[^/]+"
)


class PrivateLogger(Logger):
    """gunicorn's logger with the secret in those links replaced by "-"."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = SECRET_IN_PATH.sub(r"\1-", atoms["U"])
        return atoms


logger_class = PrivateLogger
