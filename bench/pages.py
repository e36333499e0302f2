"""Public pages under load: the portal against a Django hello world, served alike.

    .venv/bin/python bench/pages.py                        # 10,000 resources, SQLite in /tmp
    .venv/bin/python bench/pages.py --resources 100000
    .venv/bin/python bench/pages.py --database postgres://postgres@127.0.0.1:5432/portal_bench_pages
    .venv/bin/python bench/pages.py --load                 # also 64 connections for 60 s

One process tree, everything on 127.0.0.1: this script seeds a throwaway database (the
demo plus N generated resources, demo/bulk.py; never the development database), then
starts three gunicorn servers with the same settings (2 sync workers): the hello world
(bench/hello.py), the portal as deployed (production settings, Redis, page cache on) and
the portal with the page cache off (PAGE_CACHE_SECONDS=0). For each public page type it
prints:

- requests/s with `wrk -t2 -c4` against both portals, and the ratio to the hello world;
  "cache" is the X-Page-Cache header of a request made after the cached run (hit, miss,
  skip, or "-" when the portal sends none);
- p50/p95 server time and SQL queries of one request through Django's test client in
  this process, page cache off (facet counts and fragments cached, as on a busy site);
- the first request after a publish (every cache made stale), timed over HTTP.

Then PASS/MISS against the goals of issue #14. The servers are stopped on every exit.
"""

import argparse
import contextlib
import ctypes
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

# bench/ is on the path when a benchmark runs as a script
from support import (
    demo_site,
    ensure_postgres_database,
    percentile,
    refuse_development_database,
    timed,
)

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
TMP = Path(tempfile.gettempdir())
# A Redis database of its own, flushed before each run: tests use 15, development 0.
REDIS_URL = "redis://127.0.0.1:6379/14"
PAGES = [
    ("home", "/en/"),
    ("countries index", "/en/countries/"),
    ("country", "/en/countries/kenya/"),
    ("stories listing", "/en/stories/"),
    ("story", "/en/countries/kenya/peer-supporters-join-the-team/"),
    ("library", "/en/resources/"),
    ("library, three facets", "/en/resources/?type=guidance&topic=recovery&language=en"),
    ("resource", "/en/resources/guidance-peer-support-groups/"),
    ("search results", "/en/search/?q=peer+support"),
    ("Arabic country", "/ar/countries/kenya/"),
    ("stories feed", "/en/feeds/stories/"),
]
FACETED = "library, three facets"
# Timed once each after a publish (which makes every cached page and count stale).
COLD = ["library", FACETED, "home"]
GOAL_CACHED = 0.5
GOAL_FACETED = 0.05
GOAL_FACETED_AT = 10_000
GOAL_QUERIES = 15


def count(text):
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def positive(text):
    value = count(text)
    if not value:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=count, default=10_000, metavar="N")
    parser.add_argument(
        "--database",
        help="a throwaway database; default: sqlite:///<tmp>/portal-bench-pages-<N>.sqlite3",
    )
    parser.add_argument("--fresh", action="store_true", help="drop the database and seed again")
    parser.add_argument("--duration", type=positive, default=10, help="seconds of wrk per page")
    parser.add_argument("--threads", type=positive, default=2, help="wrk threads")
    parser.add_argument("--connections", type=positive, default=4, help="wrk connections per page")
    parser.add_argument(
        "--requests", type=positive, default=20, help="test-client requests per page (uncached)"
    )
    parser.add_argument("--rounds", type=positive, default=3, help="publishes per cold page")
    parser.add_argument("--load", action="store_true", help="also the load run")
    parser.add_argument("--load-duration", type=positive, default=60)
    parser.add_argument("--load-connections", type=positive, default=64)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--markdown", type=Path, metavar="JSON", help="print a --json file as Markdown and stop"
    )
    return parser.parse_args()


def require_tools():
    missing = []
    if not shutil.which("wrk"):
        missing.append("wrk (Debian: apt-get install wrk)")
    if importlib.util.find_spec("gunicorn") is None:
        missing.append(f"gunicorn in {sys.executable} (pip install -e .)")
    if missing:
        sys.exit("bench/pages.py needs " + " and ".join(missing) + ".")


def database_url(args):
    url = args.database or f"sqlite:///{TMP / f'portal-bench-pages-{args.resources}.sqlite3'}"
    refuse_development_database(url, ROOT)
    if url.startswith("postgres"):
        ensure_postgres_database(url, fresh=args.fresh)
    elif args.fresh:
        Path(url.split("///", 1)[1]).unlink(missing_ok=True)
    return url


def clean_environment():
    return {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TMPDIR") if k in os.environ}


def portal_environment(url, page_cache):
    """Production settings from a clean environment: nothing from the shell (a Sentry
    DSN, a purge URL, a bucket) changes what is measured."""
    env = clean_environment()
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="bench-" + "s" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=url,
        REDIS_URL=REDIS_URL,
        STATIC_ROOT=str(TMP / "portal-bench-pages-static"),
        MEDIA_ROOT=str(TMP / "portal-bench-pages-media"),
        LOG_LEVEL="ERROR",
        PORTAL_LOG_LEVEL="ERROR",
    )
    if not page_cache:
        env["PAGE_CACHE_SECONDS"] = "0"
    return env


def setup_django(url):
    """This process: the same settings and database, page cache off, Django's test
    client allowed in."""
    env = portal_environment(url, page_cache=False)
    env["ALLOWED_HOSTS"] += ",testserver"
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def seed(total):
    from django.core.management import call_command

    from demo import bulk

    call_command("migrate", verbosity=0)
    if bulk.generated_count() > total:
        sys.exit(
            f"The database has {bulk.generated_count()} generated resources, more than "
            f"{total}: use --fresh or another --database."
        )
    started = time.perf_counter()
    added = demo_site(total)
    if added:
        print(f"Seeded {added} resources in {time.perf_counter() - started:.0f} s", flush=True)
    call_command("collectstatic", "--no-input", verbosity=0)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def die_with_parent():
    """In the child: receive SIGTERM when this script dies, even by SIGKILL (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG


@contextlib.contextmanager
def gunicorn(name, app, env, extra=()):
    """gunicorn with the portal's settings (2 sync workers, no access log); yields its
    base URL and stops it (master and workers) on the way out."""
    port = free_port()
    log = TMP / f"portal-bench-pages-{name}.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        *extra,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--no-control-socket",  # its default path is shared by every gunicorn on the machine
        "--error-logfile",
        str(log),
    ]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=die_with_parent,  # noqa: PLW1509 (no threads yet)
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(url, process, log, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited with {process.returncode}; see {log}")
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 (127.0.0.1 only)
            return
        except urllib.error.HTTPError:
            return  # it answers, whatever it says
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{url} did not answer within {timeout} s; see {log}")


def get(url, timeout=60):
    """(status, X-Page-Cache header or "-", seconds) of one GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            response.read()
            status, headers = response.status, response.headers
    except urllib.error.HTTPError as error:
        status, headers = error.code, error.headers
    return status, headers.get("X-Page-Cache", "-"), time.perf_counter() - started


WRK_UNITS = {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}


def wrk(url, args, duration=None, connections=None, script=None):
    """wrk's figures for one run: requests/s, latency percentiles (ms), errors."""
    duration = duration or args.duration
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{connections or args.connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "--latency",
    ]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    result = {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "non_2xx_3xx": int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx.*?(\d+)", out)) else 0,
        "socket_errors": 0,
    }
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        result["socket_errors"] = sum(int(n) for n in m.groups())
    for share, value, unit in re.findall(
        r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M
    ):
        result[f"p{share}_ms"] = float(value) * WRK_UNITS[unit]
    return result


def measure_http(hello, cached, uncached, args):
    print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s per page", flush=True)
    figures = {"hello": wrk(hello + "/", args)}
    for label, path in PAGES:
        status, _, _ = get(cached + path)
        if status != 200:
            sys.exit(f"{path} answered {status}: is the demo loaded?")
        figures[label] = {
            "cached": wrk(cached + path, args),
            "cache": get(cached + path)[1],
            "uncached": wrk(uncached + path, args),
        }
        print(
            f"  {label}: {figures[label]['cached']['requests_per_second']:.0f} / "
            f"{figures[label]['uncached']['requests_per_second']:.0f} r/s",
            flush=True,
        )
    return figures


def measure_in_process(args):
    """Uncached server time and queries through Django's test client (page cache off)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    figures = {}
    for label, path in PAGES:
        response = client.get(path)  # warm: menus, facet counts, renditions
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code} in the test client")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        # Counted now: the next request's start empties the query log the context reads.
        count = len(queries)
        samples, response = timed(client, path, args.requests)
        figures[label] = {
            "p50_ms": statistics.median(samples),
            "p95_ms": percentile(samples, 0.95),
            "queries": count,
            "kilobytes": len(response.content) / 1024,
            "cache": response.headers.get("X-Page-Cache", "-"),
        }
    return figures


def publish():
    """Publish a demo resource again, as an editor would: every public cache is stale."""
    from demo import bulk
    from resources.models import ResourcePage

    page = (
        ResourcePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(slug__startswith=bulk.GENERATED_PREFIX)
        .order_by("pk")
        .first()
    )
    page.save_revision().publish()


def measure_cold(cached, args):
    """The first request after a publish, per page, over HTTP to the cached portal."""
    paths = dict(PAGES)
    figures = {}
    for label in COLD:
        samples, headers = [], set()
        for _ in range(args.rounds):
            get(cached + paths[label])  # warm, so only the publish makes it cold
            publish()
            status, header, seconds = get(cached + paths[label])
            samples.append(seconds * 1000)
            headers.add(header)
        figures[label] = {
            "median_ms": statistics.median(samples),
            "max_ms": max(samples),
            "cache": "/".join(sorted(headers)),
        }
    return figures


LOAD_SCRIPT = """-- Rotates through the public pages (each wrk thread on its own).
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def measure_load(cached, args):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LOAD_SCRIPT % ", ".join(f'"{path}"' for _, path in PAGES))
    try:
        print(
            f"load: wrk -t{args.threads} -c{args.load_connections} -d{args.load_duration}s, "
            f"{len(PAGES)} pages in turn",
            flush=True,
        )
        return wrk(
            cached + "/",
            args,
            duration=args.load_duration,
            connections=args.load_connections,
            script=script.name,
        )
    finally:
        os.unlink(script.name)


def verdict(ok):
    return "PASS" if ok else "MISS"


def report(args, http, local, cold, load):
    from django.db import connection

    from demo import bulk

    hello = http["hello"]["requests_per_second"]
    print()
    print(
        f"{bulk.generated_count()} generated resources, {connection.vendor}, "
        f"{os.cpu_count()} cores (load average {LOAD_BEFORE[0]:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after); hello world {hello:.0f} requests/s"
    )
    print(
        f"{'page':22} {'cached r/s':>10} {'x hello':>7} {'cache':>5} {'uncached r/s':>12} "
        f"{'x hello':>7} {'p50 ms':>7} {'p95 ms':>7} {'queries':>7} {'KB':>5}"
    )
    for label, _ in PAGES:
        c, u, t = http[label]["cached"], http[label]["uncached"], local[label]
        print(
            f"{label:22} {c['requests_per_second']:10.0f} {c['requests_per_second'] / hello:7.3f} "
            f"{http[label]['cache']:>5} {u['requests_per_second']:12.0f} "
            f"{u['requests_per_second'] / hello:7.3f} {t['p50_ms']:7.0f} {t['p95_ms']:7.0f} "
            f"{t['queries']:7} {t['kilobytes']:5.0f}"
        )
    print()
    print(f"First request after a publish (HTTP, page cache on; {args.rounds} publishes each)")
    for label, figures in cold.items():
        print(
            f"{label:22} median {figures['median_ms']:6.0f} ms, max {figures['max_ms']:6.0f} ms"
            f" (X-Page-Cache: {figures['cache']})"
        )
    print()
    print("Goals (issue #14)")
    goals = []
    slow = [
        label
        for label, _ in PAGES
        if http[label]["cached"]["requests_per_second"] < GOAL_CACHED * hello
    ]
    hits = all(http[label]["cache"] == "hit" for label, _ in PAGES)
    goals.append(
        (
            f"cached pages >= {GOAL_CACHED}x hello world"
            + ("" if hits else " (responses are not all X-Page-Cache: hit)"),
            not slow,
            ", ".join(slow) if slow else "all pages",
        )
    )
    faceted = http[FACETED]["uncached"]["requests_per_second"] / hello
    goals.append(
        (
            f"uncached library, three facets >= {GOAL_FACETED}x hello world"
            f" (set at {GOAL_FACETED_AT:,} resources)",
            faceted >= GOAL_FACETED,
            f"{faceted:.3f}x",
        )
    )
    heavy = [
        f"{label} {local[label]['queries']}"
        for label, _ in PAGES
        if local[label]["queries"] > GOAL_QUERIES
    ]
    goals.append(
        (f"no page over {GOAL_QUERIES} queries", not heavy, ", ".join(heavy) or "none over")
    )
    if load:
        errors = load["non_2xx_3xx"] + load["socket_errors"]
        goals.append(
            (
                f"load run: no errors ({args.load_connections} connections, "
                f"{args.load_duration} s)",
                not errors,
                f"{load['requests']} requests, {load['requests_per_second']:.0f}/s, "
                f"{load['non_2xx_3xx']} non-2xx/3xx, {load['socket_errors']} socket errors, "
                f"p50 {load.get('p50_ms', 0):.0f} ms, p99 {load.get('p99_ms', 0):.0f} ms",
            )
        )
    for goal, ok, detail in goals:
        print(f"{verdict(ok)}  {goal}: {detail}")
    return goals


def on_signal(signum, frame):
    raise SystemExit(f"Stopped by signal {signum}")


# Other work on the machine skews every figure: the report shows how busy it was.
LOAD_BEFORE = os.getloadavg()


def main():
    args = arguments()
    if args.markdown:
        return markdown(args.markdown)
    require_tools()
    if LOAD_BEFORE[0] > os.cpu_count():
        print(
            f"Warning: load average {LOAD_BEFORE[0]:.1f} on {os.cpu_count()} cores: other work "
            "will slow every server; compare ratios to the hello world, not requests/s.",
            flush=True,
        )
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    url = database_url(args)
    setup_django(url)
    seed(args.resources)
    local = measure_in_process(args)
    with contextlib.ExitStack() as servers:
        hello = servers.enter_context(
            gunicorn(
                "hello", "hello:application", clean_environment(), ["--pythonpath", str(BENCH)]
            )
        )
        cached = servers.enter_context(
            gunicorn("cached", "portal.wsgi:application", portal_environment(url, page_cache=True))
        )
        uncached = servers.enter_context(
            gunicorn(
                "uncached", "portal.wsgi:application", portal_environment(url, page_cache=False)
            )
        )
        http = measure_http(hello, cached, uncached, args)
        cold = measure_cold(cached, args)
        load = measure_load(cached, args) if args.load else None
    goals = report(args, http, local, cold, load)
    if args.json:
        figures = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "commit": commit(),
            "cores": os.cpu_count(),
            "load_average": [LOAD_BEFORE[0], os.getloadavg()[0]],
            "resources": args.resources,
            "database": url.split(":", 1)[0],
            "wrk": f"-t{args.threads} -c{args.connections} -d{args.duration}s",
            "http": http,
            "test_client": local,
            "cold_after_publish": cold,
            "load": load,
            "goals": [{"goal": g, "pass": ok, "detail": d} for g, ok, d in goals],
        }
        args.json.write_text(json.dumps(figures, indent=2))


def commit():
    def git(*command):
        return subprocess.run(
            ["git", *command], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    return git("rev-parse", "--short", "HEAD") + (
        " + uncommitted changes" if git("status", "--porcelain") else ""
    )


def markdown(path):
    """docs/performance.md's tables from a --json file."""
    data = json.loads(Path(path).read_text())
    hello = data["http"]["hello"]["requests_per_second"]
    print(
        f"{data['resources']:,} generated resources, {data['database']}, {data['date']}, "
        f"commit {data['commit']}, {data['cores']} cores (load average "
        f"{data['load_average'][0]:.1f} before, {data['load_average'][1]:.1f} after), "
        f"wrk {data['wrk']}; hello world {hello:,.0f} requests/s.\n"
    )
    print(
        "| page | cached r/s | x hello | X-Page-Cache | uncached r/s | x hello "
        "| p50 ms | p95 ms | queries |"
    )
    print("|---|--:|--:|---|--:|--:|--:|--:|--:|")
    for label, path in PAGES:
        c, u = data["http"][label]["cached"], data["http"][label]["uncached"]
        t = data["test_client"][label]
        print(
            f"| {label} `{path}` | {c['requests_per_second']:,.0f} "
            f"| {c['requests_per_second'] / hello:.3f} | {data['http'][label]['cache']} "
            f"| {u['requests_per_second']:,.0f} | {u['requests_per_second'] / hello:.3f} "
            f"| {t['p50_ms']:.0f} | {t['p95_ms']:.0f} | {t['queries']} |"
        )
    print("\n| first request after a publish | median ms | max ms | X-Page-Cache |")
    print("|---|--:|--:|---|")
    for label, figures in data["cold_after_publish"].items():
        print(
            f"| {label} | {figures['median_ms']:,.0f} | {figures['max_ms']:,.0f} "
            f"| {figures['cache']} |"
        )
    print()
    for goal in data["goals"]:
        print(f"- {'PASS' if goal['pass'] else 'MISS'}: {goal['goal']}: {goal['detail']}")


if __name__ == "__main__":
    main()
