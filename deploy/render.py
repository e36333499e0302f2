"""Fill a deploy template's ${PORTAL_NAME} and ${PORTAL_NAME:-default} placeholders from
the environment and print the result; anything else with a $ (nginx's $host) is left
alone. Fails, naming them, when placeholders without a default are unset.

    PORTAL_SERVER_NAME=qualityrights.example.org ... python3 deploy/render.py \\
        deploy/nginx/portal.conf > /etc/nginx/sites-available/portal

Standard library only, so it runs with the system's python3 before the virtualenv exists.
"""

import os
import re
import sys

PLACEHOLDER = re.compile(r"\$\{(PORTAL_[A-Z0-9_]+)(?::-([^}]*))?\}")


def render(template, environ):
    unset = []

    def value(match):
        name, default = match.groups()
        found = environ.get(name) or default
        if found is None:
            unset.append(name)
            return ""
        return found

    text = PLACEHOLDER.sub(value, template)
    if unset:
        raise SystemExit(f"Set {', '.join(sorted(set(unset)))} (see docs/deploy.md).")
    return text


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(f"usage: {sys.argv[0]} TEMPLATE > OUTPUT")
    with open(sys.argv[1], encoding="utf-8") as template:
        sys.stdout.write(render(template.read(), os.environ))
