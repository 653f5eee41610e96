"""The author's loop at book size: save a chapter under `mkdocs serve`, wait for the reload.

    .venv/bin/python benchmarks/serve_reload.py [--chapters 200] [--edits 5]

Generates the bilingual book of benchmarks/book_build.py (about 1,500 words a
language per chapter, a 4-question quiz each) twice and serves the copies side
by side: `mkdocs serve`, as authors run it (pages an edit does not touch are
reused), and `mkdocs serve --clean` (every save rebuilds every page, as MkDocs
does by itself). Each round times a full `mkdocs build`, then edits the same
Chinese chapter in each copy (a sentence added to a paragraph), so its English
translation turns stale. An edit's time runs from the file's save to the answer
of MkDocs' livereload endpoint, the request the browser's livereload script
waits on; the served pages are then checked: the edit is on the Chinese page,
the English page carries the stale notice, the nav lists every chapter. No
timed assertions: this prints figures for people to read.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import threading
import time
from pathlib import Path

from book_build import build, make_book
from textbook.testing.mkdocs_server import MkDocsServer

HOOKS = ("quiz", "translation")


def edit_and_wait(server: MkDocsServer, path: Path, text: str) -> tuple[float, float]:
    """Seconds from writing `text` to `path` until the server tells browsers to reload,
    and the server's CPU seconds meanwhile."""
    epoch = server.epoch()
    answer: dict = {}
    waiter = threading.Thread(target=lambda: answer.update(epoch=server.wait_reload(epoch)))
    waiter.start()
    time.sleep(0.3)  # the request is waiting before the file changes
    cpu, start, logged = server.cpu_seconds(), time.perf_counter(), len(server.log())
    path.write_text(text, encoding="utf-8")
    while waiter.is_alive():
        waiter.join(0.05)
        if "An error happened during the rebuild" in server.log(logged):
            sys.exit(f"the edit of {path} broke the build:\n{server.log(logged)[-3000:]}")
    seconds, cpu = time.perf_counter() - start, server.cpu_seconds() - cpu
    if "epoch" not in answer:
        sys.exit(f"no reload after editing {path}:\n{server.log()[-3000:]}")
    return seconds, cpu


def check_pages(server: MkDocsServer, n: int, marker: str, chapters: int) -> None:
    """The edit is served, the translation says it is stale, the nav is whole."""
    zh = server.get(f"chapters/chapter-{n:03}/")
    en = server.get(f"en/chapters/chapter-{n:03}/")
    problems = []
    if marker not in zh:
        problems.append("the edit is not on the Chinese page")
    if "stale-notice" not in en:
        problems.append("the English page has no stale notice")
    for page in (zh, en):
        if len(set(re.findall(r'href="[^"]*chapter-(\d{3})/"', page))) != chapters:
            problems.append("the nav does not list every chapter")
    if problems:
        sys.exit(f"chapter {n}: " + "; ".join(problems))


def edit_chapter(server: MkDocsServer, book: Path, n: int, marker: str, chapters: int) -> dict:
    """Add a sentence to a paragraph of chapter n's Chinese text (a new paragraph would be
    a parity error: the English lacks it); the seconds until the reload."""
    path = book / "docs" / "chapters" / f"chapter-{n:03}.zh.md"
    lines = path.read_text("utf-8").split("\n")
    prose = next(i for i, line in enumerate(lines) if re.match(r"[\u4e00-\u9fff]", line))
    lines[prose] += f"又改了一处：{marker}。"
    seconds, cpu = edit_and_wait(server, path, "\n".join(lines))
    check_pages(server, n, marker, chapters)
    return {"seconds": seconds, "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=200)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()

    books = {
        clean: make_book(f"serve-{'clean' if clean else 'fast'}", args.chapters, True, HOOKS)
        for clean in (False, True)
    }
    runs: dict[str, list[dict]] = {"build": [], "serve": [], "serve --clean": []}
    with MkDocsServer(books[False]) as fast, MkDocsServer(books[True], clean=True) as slow:
        # Round after round, so a slow moment on a shared machine hits all three alike.
        for i in range(args.edits):
            n = 1 + (i * 37) % args.chapters
            runs["build"].append(build(books[False]))
            runs["serve"].append(edit_chapter(fast, books[False], n, f"fast-{i}", args.chapters))
            runs["serve --clean"].append(
                edit_chapter(slow, books[True], n, f"clean-{i}", args.chapters)
            )
            print(
                f"round {i + 1}: chapter {n}: "
                + ", ".join(
                    f"{name} {r[-1]['seconds']:.2f} s ({r[-1]['cpu']:.2f} s CPU)"
                    for name, r in runs.items()
                ),
                flush=True,
            )

    print(f"\n{args.chapters} chapters x 2 languages, {args.edits} edits of a Chinese chapter")
    print("Ratios are medians of per-round ratios to that round's full build (min-max).")
    print("  variant                        wall s  wall ratio              CPU s  CPU ratio")
    for name, label in (
        ("serve", "edit -> reload, mkdocs serve"),
        ("serve --clean", "edit -> reload, --clean"),
        ("build", "mkdocs build (full)"),
    ):
        cells = []
        for metric in ("seconds", "cpu"):
            values = [r[metric] for r in runs[name]]
            ratios = [r[metric] / b[metric] for r, b in zip(runs[name], runs["build"], strict=True)]
            spread = f"({min(ratios):.3f}-{max(ratios):.3f})"
            cells.append(
                f"{statistics.median(values):6.2f}  x{statistics.median(ratios):.3f} {spread}"
            )
        print(f"  {label:28} {cells[0]}  {cells[1]}")


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    main()
