"""Lighthouse scores for every public page type, in English and Arabic.

    make lighthouse                       # installs Lighthouse, then runs this
    .venv/bin/python bench/lighthouse.py [--pages home library] [--languages en] [--runs 3]

Serves the demo portal itself: a throwaway SQLite database and static and media roots
in /tmp, `migrate`, `load_demo`, `collectstatic`, then gunicorn with the production
settings (DEBUG off, WhiteNoise, the manifest storage) on a free port, plain HTTP. Runs
the `lighthouse` npm package (installed by `make lighthouse` under .venv/lighthouse)
driving Debian's Chromium with its default mobile emulation and throttling, one page at
a time, and prints the four category scores, then every audit that did not pass.
Performance depends on how busy the machine is: `--runs 3` shows each page's median run.

Production serves media from a bucket or the proxy; here gunicorn serves /media/ through
WhiteNoise (the `application` factory below), so cover images load as they would there.
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Audits that fail on purpose, and why.
BY_DESIGN = {
    "is-crawlable": "search results and filtered listings are kept out of search engines "
    "(meta robots noindex, robots.txt), so that crawlers index each page once",
}
LANGUAGES = ["en", "ar"]

# The demo's pages: the first of each type in the language, found by `manage.py shell`
# on the demo database (so slugs are never guessed here).
FIND_PAGES = """
import json
from countries.models import CountryPage, StoryPage
from resources.models import ResourcePage
from wagtail.models import Locale

def path(model, code):
    # The page with the most below it (a country with stories), else the first.
    pages = model.objects.live().public().order_by("-numchild", "path")
    page = pages.filter(locale__language_code=code).first() or pages.first()
    return page.get_url() if page else None

print(json.dumps({
    code: {
        "resource": path(ResourcePage, code),
        "country": path(CountryPage, code),
        "story": path(StoryPage, code),
    }
    for code in %r
}))
"""


def page_paths(code, found):
    """The page types, in the order printed, and their paths in language `code`."""
    return {
        "home": f"/{code}/",
        "library": f"/{code}/resources/",
        "library, filtered": f"/{code}/resources/?type=guidance&topic=recovery",
        "resource": found["resource"],
        "countries": f"/{code}/countries/",
        "country": found["country"],
        "stories": f"/{code}/stories/",
        "story": found["story"],
        "search results": f"/{code}/search/?q=recovery",
    }


def application():
    """gunicorn's app factory (`lighthouse:application()`): the portal, with /media/
    served by WhiteNoise, which looks files up on each request, so renditions made
    while rendering a page are found."""
    from django.conf import settings
    from whitenoise import WhiteNoise

    from portal.wsgi import application as portal

    app = WhiteNoise(portal, autorefresh=True)
    app.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
    return app


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (localhost only)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def environment(workdir, port):
    unset = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}
    env = {k: v for k, v in os.environ.items() if k not in unset and not k.startswith("AWS_")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        DATABASE_URL=f"sqlite:///{workdir / 'portal.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        # Plain HTTP on localhost: no redirect to an HTTPS that is not there.
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="ERROR",
        PORTAL_LOG_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def lighthouse(url, report):
    """Run Lighthouse on `url`, keep its JSON report at `report`, return it parsed."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    # On a busy machine Chromium now and then loses the trace (NO_NAVSTART): try again.
    for _attempt in range(3):
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME_PATH})
        if done.returncode == 0:
            return json.loads(Path(report).read_text())
    raise SystemExit(f"Lighthouse failed three times on {url}")


def median_run(runs):
    """The run with the median performance score: on a busy machine one run's timings
    vary, and Lighthouse's own advice is the median of several."""
    ranked = sorted(runs, key=lambda result: result["categories"]["performance"]["score"])
    return ranked[len(ranked) // 2]


def failed_audits(result):
    """(category, audit id, title, what it found) for each scored audit below 1."""
    audits = result["audits"]
    for category in CATEGORIES:
        for ref in result["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["scoreDisplayMode"] in ("binary", "numeric"):
                if audit["score"] is not None and audit["score"] < 1:
                    yield category, ref["id"], audit["title"], audit.get("displayValue", "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="*", help="page types to run (default: all)")
    parser.add_argument("--languages", nargs="*", default=LANGUAGES)
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--runs", type=int, default=1, help="Lighthouse runs per page; the median is shown"
    )
    parser.add_argument(
        "--workdir", type=Path, help="a kept work directory: its demo database is used again"
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make lighthouse`.")
    if not Path(CHROME_PATH).exists():
        raise SystemExit(f"Chromium not found at {CHROME_PATH} (apt-get install chromium).")

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="portal-lighthouse-"))
    keep = args.keep or args.workdir
    port = free_port()
    env = environment(workdir, port)
    if not (workdir / "portal.sqlite3").exists():
        print(f"Demo portal in {workdir}: migrate, load_demo...", flush=True)
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo", "--allow-production")
    manage(env, "collectstatic", "--no-input")
    found = json.loads(manage(env, "shell", "-v", "0", "-c", FIND_PAGES % (args.languages,)))

    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "lighthouse:application()"),
            *("--pythonpath", str(ROOT / "bench"), "--bind", f"127.0.0.1:{port}"),
            # One process, so warming a page warms the cache Lighthouse then reads from.
            *("--workers", "1", "--threads", "4", "--log-level", "warning"),
            # Several gunicorns may run at once on this machine: no shared control socket.
            "--no-control-socket",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    rows, failures = [], []
    try:
        wait_for(base + "/robots.txt", server)
        for code in args.languages:
            for kind, path in page_paths(code, found[code]).items():
                if args.pages and kind not in args.pages:
                    continue
                url = base + path
                # Warm the page first: the score is the page's, not a cold cache's.
                urllib.request.urlopen(url, timeout=60).read()  # noqa: S310
                slug = f"{code}-{kind.replace(', ', '-').replace(' ', '-')}"
                runs = [lighthouse(url, workdir / f"{slug}-{n}.json") for n in range(args.runs)]
                result = median_run(runs)
                scores = [result["categories"][c]["score"] for c in CATEGORIES]
                rows.append((kind, code, path, *(round(s * 100) for s in scores)))
                print(f"{kind} ({code}): {rows[-1][3:]}", flush=True)
                failures += [(kind, code, *f) for f in failed_audits(result)]
    finally:
        server.terminate()
        server.wait(timeout=10)
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)

    print("\n| page | lang | performance | accessibility | best practices | SEO |")
    print("|---|---|---|---|---|---|")
    for kind, code, path, *scores in rows:
        print(f"| {kind} (`{path}`) | {code} | " + " | ".join(map(str, scores)) + " |")
    if failures:
        print("\nAudits that did not pass:")
        for kind, code, category, audit, title, value in failures:
            why = f" (by design: {BY_DESIGN[audit]})" if audit in BY_DESIGN else ""
            print(f"- {kind} ({code}) {category}: {audit}: {title} {value}".rstrip() + why)
    if keep:
        print(f"\nReports kept in {workdir}")


if __name__ == "__main__":
    main()
