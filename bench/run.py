"""`make bench`: the library and the search benchmarks at 10,000 resources, on SQLite
files in /tmp (never the development database).

The larger runs, which take minutes each:

    .venv/bin/python bench/library.py --resources 100000
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
]


def main():
    # Separate processes: each benchmark sets up Django on its own database.
    for command in RUNS:
        print(f"$ {' '.join(str(part) for part in command)}", flush=True)
        subprocess.run([sys.executable, *map(str, command)], check=True)


if __name__ == "__main__":
    main()
