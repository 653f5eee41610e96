"""How long the book takes to export as PDF, EPUB and an offline copy, at book size,
and where the time goes.

    .venv/bin/python benchmarks/export_time.py [--chapters 200] [--tabbed 100]

Two books: the synthetic bilingual book of benchmarks/book_build.py (`--chapters`,
prose, figures, quizzes) and the generated book of hooks/textbook/testing/export_book.py (`--tabbed`
chapters, every kind of heading and box, code in tab sets of two to twelve languages),
exported as its default edition and as its Python edition. Each is built once, then
exported in a child process that times the export's phases (reading the built pages,
assembling, rendering the print HTML, Chromium's prints, the page numbers, the
bookmarks, the EPUB, the offline zip). Prints seconds, the share of each phase, the
files' sizes and page counts. No timed assertions: this prints figures for people to read.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from book_build import OUT, ROOT, build, make_book

# A child process exports the built book and times each phase by wrapping the functions
# that do it (the export's own code is not changed for the benchmark).
CHILD = """
import json, os, sys, time, logging
logging.disable(logging.INFO)
from mkdocs.config import load_config
from textbook import export
from textbook.export import epub, offline, pdf, run  # noqa: F401 (loads export.*)
PHASES = {
    "read built pages": (export.source, "read_books"),
    "assemble (tabs, clean, answers)": (export.assemble, "assemble"),
    "render print HTML": (export.pdf, "_render"),
    "Chromium prints (2 passes)": (export.pdf, "_print"),
    "read destinations (pypdf)": (export.pdf, "_destinations"),
    "page numbers print": (export.pdf, "_print_numbers"),
    "stamp numbers": (export.pdf, "_number_pages"),
    "bookmarks, write PDF": (export.pdf, "_with_bookmarks"),
    "write EPUB": (export.epub, "write_epub"),
    "offline zip": (export.offline, "write_offline"),
}
spent = dict.fromkeys(PHASES, 0.0)
def timed(name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return wrapper
for name, (module, attr) in PHASES.items():
    setattr(module, attr, timed(name, getattr(module, attr)))
config = load_config(sys.argv[1])
tabs = json.loads(sys.argv[3])
start = time.perf_counter()
timings = export.run.export_book(config, __import__("pathlib").Path(sys.argv[2]), tabs=tabs)
total = time.perf_counter() - start
print(json.dumps({"total": total, "formats": timings, "phases": spent}))
"""


def export(book: Path, tabs: list[str] | None) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(book / "mkdocs.yml"), str(book / "site")]
        + [json.dumps(tabs)],
        cwd=book,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"export of {book.name} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(title: str, book: Path, built: dict, figures: dict) -> None:
    total = figures["total"]
    print(f"\n{title}: site build {built['seconds']:.1f} s, export {total:.1f} s")
    print("  " + ", ".join(f"{k} {v:.1f} s" for k, v in figures["formats"].items()))
    phases = dict(figures["phases"])
    phases["other (Chromium start, parsing PDFs, SVG inlining)"] = total - sum(phases.values())
    for phase, seconds in sorted(phases.items(), key=lambda item: -item[1]):
        if seconds >= 0.05:
            print(f"  {phase:46} {seconds:6.1f} s  {100 * seconds / total:4.0f}%")
    for path in sorted((book / "site" / "downloads").iterdir()):
        pages = f", {len(PdfReader(path).pages)} pages" if path.suffix == ".pdf" else ""
        print(f"  {path.name}: {path.stat().st_size / 1024:,.0f} KiB{pages}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chapters", type=int, default=200)
    parser.add_argument("--tabbed", type=int, default=100)
    args = parser.parse_args()

    book = make_book(f"export-{args.chapters}", args.chapters, True, ("quiz", "translation"))
    built = build(book)
    report(f"{args.chapters} chapters, two languages", book, built, export(book, None))

    from textbook.testing.export_book import make_book as make_tabbed

    tabbed = OUT / f"export-tabbed-{args.tabbed}"
    if tabbed.exists():
        import shutil

        shutil.rmtree(tabbed)
    tabbed.mkdir(parents=True)
    make_tabbed(tabbed, ROOT, chapters=args.tabbed)
    built = build(tabbed)
    title = f"{args.tabbed} tabbed chapters + the real book, two languages"
    report(f"{title}, default edition", tabbed, built, export(tabbed, None))
    report(f"{title}, Python edition", tabbed, built, export(tabbed, ["Python"]))


if __name__ == "__main__":
    main()
