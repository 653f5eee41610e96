"""Time `hooks/book.py status` on a generated book of 120 page pairs, and what parity costs in it.

    .venv/bin/python benchmarks/parity_status.py [--pages 120] [--rounds 5]

The book comes from the tests' generator (varied shapes: lists, tables, code in
two languages, boxes, content tabs, images, math, quotes, links; a planted
difference on every third page). Each round runs the command in a fresh
process, as an author does; the report gives the median wall and CPU time, and
an in-process split of the parity check into converting pages and comparing them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "parity-status"


CHILD = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run([sys.executable, "hooks/book.py", "status"], capture_output=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "rc": result.returncode}))
"""


def make_book(pages: int) -> Path:
    from textbook.testing.parity_book import generate, with_tabs_and_footnotes

    shutil.rmtree(OUT, ignore_errors=True)
    for part in ("hooks", "overrides"):
        shutil.copytree(ROOT / part, OUT / part, ignore=shutil.ignore_patterns("__pycache__"))
    generate(OUT / "docs", pages=pages)
    # Reviewed translations, as in a maintained book (a stale page asks git for its date).
    from textbook.sources.pages import read_book
    from textbook.translation.stale.freshness import mark_reviewed

    for page in read_book(OUT / "docs", ("zh", "en")).values():
        mark_reviewed(page.variants["en"].path, page.variants["zh"])
    config = with_tabs_and_footnotes((ROOT / "mkdocs.yml").read_text("utf-8"))
    (OUT / "mkdocs.yml").write_text(config, "utf-8")
    return OUT


def split(book: Path) -> tuple[float, float]:
    """Seconds spent converting every page, and comparing them, in this process."""
    from mkdocs.config import load_config

    from textbook.sources import store
    from textbook.translation.check import check_book

    os.chdir(book)
    config = load_config(str(book / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    converting = 0.0
    convert = store.Converter.__call__

    def timed(self, body):
        nonlocal converting
        start = time.process_time()
        try:
            return convert(self, body)
        finally:
            converting += time.process_time() - start

    store.Converter.__call__ = timed
    store._outlines.clear()  # every page converted, as in the command
    start = time.process_time()
    check_book(config)
    total = time.process_time() - start
    return converting, total - converting


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    book = make_book(args.pages)
    runs = []
    for _ in range(args.rounds):
        result = subprocess.run(
            [sys.executable, "-c", CHILD], cwd=book, capture_output=True, text=True, check=True
        )
        runs.append(json.loads(result.stdout))
        if runs[-1]["rc"] != 1:  # the planted differences must be found
            sys.exit(f"status exited with {runs[-1]['rc']}, expected 1")
    wall = statistics.median(r["seconds"] for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)
    print(f"{args.pages} page pairs, {args.rounds} rounds of `python hooks/book.py status`:")
    print(f"  wall {wall:.2f} s (min {min(r['seconds'] for r in runs):.2f}), CPU {cpu:.2f} s")
    converting, comparing = split(book)
    print(f"  in process, CPU: converting {2 * args.pages + 2} pages {converting:.2f} s,")
    print(f"  reading, locating, pairing and comparing them {comparing:.2f} s")


if __name__ == "__main__":
    main()
