"""What minifying every page's HTML costs the build and saves the reader, side by side.

    .venv/bin/python benchmarks/minify_cost.py [--chapters 200] [--rounds 3]

Builds the synthetic book of book_build.py twice, alternately, in fresh
processes: as the book is built (hooks/textbook/site_assets/hook.py minifies each page) and
with that one step taken out of the copied hook. Prints the median wall and CPU
time of each, their ratio, and a chapter page's bytes gzip in both. No timed
assertions: it prints figures for people to read.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
from pathlib import Path

from book_build import build, make_book

PAGE = "chapters/chapter-001/index.html"


def without_minify(book: Path) -> None:
    """The copied hook, its page minification turned into a no-op."""
    hook = book / "hooks" / "textbook" / "site_assets" / "hook.py"
    text = hook.read_text("utf-8")
    step = "    _boxes.record(page.file.abs_dest_path, output)\n"
    assert step in text
    hook.write_text(text.replace(step, step + "    return output\n"), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    books = {
        name: make_book(f"minify-{name}", args.chapters, True, ("quiz", "translation"))
        for name in ("minified", "as written")
    }
    without_minify(books["as written"])
    runs: dict[str, list[dict]] = {name: [] for name in books}
    for _ in range(args.rounds):
        for name, book in books.items():
            runs[name].append(build(book))
    base = runs["as written"]
    print(f"{args.chapters} chapters x 2 languages, {args.rounds} rounds, medians")
    for name, figures in runs.items():
        wall = statistics.median(r["seconds"] for r in figures)
        cpu = statistics.median(r["cpu"] for r in figures)
        ratio = statistics.median(r["cpu"] / b["cpu"] for r, b in zip(figures, base, strict=True))
        page = len(gzip.compress((books[name] / "site" / PAGE).read_bytes(), 6))
        print(
            f"  {name:10}  wall {wall:5.2f} s  CPU {cpu:5.2f} s  CPU x{ratio:.3f}"
            f"  chapter page {page / 1024:.1f} KiB gzip"
        )


if __name__ == "__main__":
    main()
