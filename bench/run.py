"""`make bench`: the library, search and public pages benchmarks at 10,000 resources, on
SQLite files in /tmp (never the development database). The pages benchmark runs short
here (4 s of wrk per page, about 3 minutes); docs/performance.md has the full runs.

The larger runs, which take minutes each:

    .venv/bin/python bench/library.py --resources 100000
    .venv/bin/python bench/pages.py --resources 100000 --load
    .venv/bin/python bench/search_latency.py --sizes 10000 100000
    .venv/bin/python bench/search_latency.py --postgres postgres://postgres@127.0.0.1:5432/portal_bench

(The PostgreSQL database named is dropped and created again.) docs/search.md and
docs/resources.md record the figures.
"""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RUNS = [
    [BENCH / "library.py", "--resources", "10000"],
    [BENCH / "search_latency.py", "--sizes", "10000"],
    [BENCH / "pages.py", *"--resources 10000 --duration 4 --requests 10 --rounds 2".split()],
]


def main():
    # Separate processes: each benchmark sets up Django on its own database.
    for command in RUNS:
        print(f"$ {' '.join(str(part) for part in command)}", flush=True)
        subprocess.run([sys.executable, *map(str, command)], check=True)


if __name__ == "__main__":
    main()
