"""The author's loop at book size: save a chapter under `mkdocs serve`, wait for the reload.

    .venv/bin/python benchmarks/serve_reload.py [--chapters 200] [--edits 5]

Generates the bilingual book of benchmarks/book_build.py (about 1,500 words a
language per chapter, a 4-question quiz each), times one full `mkdocs build`,
then, side by side, runs `mkdocs serve` (what authors run: pages an edit does
not touch are reused) and `mkdocs serve --clean` (every save rebuilds every
page, as MkDocs does by itself). Each edit changes a Chinese chapter, so its
English translation turns stale. The time of an edit is from the file's save
to the answer of MkDocs' livereload endpoint, the request the browser's
livereload script waits on; the served pages are then checked: the edit is on
the Chinese page, the English page carries the stale notice, the nav lists
every chapter. No timed assertions: this prints figures for people to read.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from serve_helpers import MkDocsServer  # noqa: E402


def edit_and_wait(server: MkDocsServer, path: Path, text: str) -> float:
    """Seconds from writing `text` to `path` until the server tells browsers to reload."""
    epoch = server.epoch()
    answer: dict = {}
    waiter = threading.Thread(target=lambda: answer.update(epoch=server.wait_reload(epoch)))
    waiter.start()
    time.sleep(0.3)  # the request is waiting before the file changes
    start = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    waiter.join()
    seconds = time.perf_counter() - start
    if "epoch" not in answer:
        sys.exit(f"no reload after editing {path}:\n{server.log()[-3000:]}")
    return seconds


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


def run_serve(book: Path, clean: bool, edits: int, chapters: int) -> list[float]:
    times = []
    with MkDocsServer(book, clean=clean) as server:
        for i in range(edits):
            n = 1 + (i * 37) % chapters
            path = book / "docs" / "chapters" / f"chapter-{n:03}.zh.md"
            marker = f"serve-edit-{'clean' if clean else 'fast'}-{i}"
            text = path.read_text("utf-8") + f"\n第 {i + 1} 次修改：{marker}。\n"
            times.append(edit_and_wait(server, path, text))
            check_pages(server, n, marker, chapters)
            label = "serve --clean" if clean else "serve"
            print(f"{label}: edit {i + 1}: chapter {n}: {times[-1]:.2f} s", flush=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=200)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()

    book = make_book("serve", args.chapters, with_quiz=True, hooks=("quiz", "parity"))
    full = build(book)["seconds"]
    print(f"mkdocs build: {full:.2f} s", flush=True)
    fast = run_serve(book, clean=False, edits=args.edits, chapters=args.chapters)
    book = make_book("serve", args.chapters, with_quiz=True, hooks=("quiz", "parity"))
    slow = run_serve(book, clean=True, edits=args.edits, chapters=args.chapters)

    print(f"\n{args.chapters} chapters x 2 languages, {args.edits} edits of a Chinese chapter")
    print("  variant                        median   min-max        ratio to a full build")
    for name, times in (("mkdocs serve", fast), ("mkdocs serve --clean (before)", slow)):
        median = statistics.median(times)
        spread = f"{min(times):.2f}-{max(times):.2f}"
        print(f"  {name:30} {median:5.2f} s  {spread:13}  x{median / full:.3f}")
    print(f"  {'mkdocs build (full)':30} {full:5.2f} s")
    print(f"  serve vs serve --clean: x{statistics.median(fast) / statistics.median(slow):.3f}")


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    main()
