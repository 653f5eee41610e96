"""What the translator's loop costs: `changes` on a 120-pair book, and the build's stale marks.

    .venv/bin/python benchmarks/translation_changes.py [--pages 120] [--stale 40]
        [--chapters 200] [--stale-chapters 20] [--rounds 3]

1. `hooks/book.py changes` on the tests' generated book (120 page pairs of varied
   shapes) in a git repository, every translation reviewed, then `--stale` Chinese
   pages edited and committed (a sentence reworded, a paragraph added). Beside it,
   `status` on the same book (the whole check an author already runs) and
   `changes` on the book before the edits (nothing to report). Fresh processes.
2. The 200-chapter benchmark book (benchmarks/book_build.py, parity on) built with
   `--stale-chapters` stale translations whose reviewed version git has (block marks,
   added blocks shown, the notice's section list), against the same pages stale with
   an older record (the page-level notice only: the build before this feature), and
   against the book with every translation fresh.

Variants run alternately, round after round; the report gives medians and the median
of per-round ratios. No timed assertions: figures for people to read.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "translation"
# A paragraph of Chinese prose on one line, as the generator writes it.
PROSE = re.compile(r"[\u4e00-\u9fff][^\n]*。")

CLI = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run([sys.executable, "hooks/book.py", *sys.argv[1:]], capture_output=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "rc": result.returncode, "lines": len(result.stdout.splitlines())}))
"""


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def review_all(docs: Path) -> None:
    from textbook.sources.pages import read_book
    from textbook.translation.stale.freshness import mark_reviewed

    for page in read_book(docs, ("zh", "en")).values():
        mark_reviewed(page.variants["en"].path, page.variants["zh"])


def edit_source(path: Path, add: bool = True) -> None:
    """A sentence reworded in one paragraph, a paragraph added after another: top-level
    prose only (not a box's or a definition's text), as an author edits."""
    blocks = path.read_text("utf-8").split("\n\n")

    def prose(i: int) -> bool:
        before = blocks[i - 1] if i else ""
        after = blocks[i + 1] if i + 1 < len(blocks) else ""
        return (
            bool(PROSE.fullmatch(blocks[i]))
            and not before.startswith(("!!!", "???", "===", "///", "$$", "|"))
            and not after.startswith((" ", ":", "\t"))
        )

    found = [i for i in range(len(blocks)) if prose(i)]
    first, second = found[len(found) // 3], found[2 * len(found) // 3]
    blocks[first] = blocks[first].rstrip("。") + "，这是改过的说法。"
    if add:
        blocks.insert(second + 1, "这是审校之后新加的一段话，译文还没有跟上。")
    path.write_text("\n\n".join(blocks), "utf-8")


def changes_book(pages: int, stale: int) -> Path:
    from textbook.testing.parity_book import generate, with_tabs_and_footnotes

    book = OUT / "changes"
    shutil.rmtree(book, ignore_errors=True)
    for part in ("hooks", "overrides"):
        shutil.copytree(ROOT / part, book / part, ignore=shutil.ignore_patterns("__pycache__"))
    generate(book / "docs", pages=pages, every=10**6)  # one planted difference, on page 0
    config = with_tabs_and_footnotes((ROOT / "mkdocs.yml").read_text("utf-8"))
    (book / "mkdocs.yml").write_text(config, "utf-8")
    git(book, "init", "-q")
    review_all(book / "docs")
    git(book, "add", "-A")
    git(book, "commit", "-q", "-m", "reviewed")
    git(book, "tag", "reviewed")
    chapters = sorted((book / "docs" / "chapters").glob("*.zh.md"))
    step = max(1, len(chapters) // stale)
    for path in chapters[1::step][:stale]:
        edit_source(path)
    git(book, "commit", "-q", "-am", "source edits")
    return book


def run_cli(book: Path, *args: str) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", CLI, *args], cwd=book, env=env, capture_output=True, text=True
    )
    return json.loads(result.stdout)


def build_books(chapters: int, stale: int) -> dict[str, Path]:
    from book_build import make_book

    fresh = make_book("translation-fresh", chapters, with_quiz=False, hooks=("translation",))
    git(fresh, "init", "-q")
    git(fresh, "add", "-A")
    git(fresh, "commit", "-q", "-m", "reviewed")
    books = {"fresh": fresh}
    paths = sorted((fresh / "docs" / "chapters").glob("*.zh.md"))
    stale_names = [p.name for p in paths[:: max(1, len(paths) // stale)][:stale]]
    for name, add in (("reworded", False), ("reworded, added", True)):
        book = OUT.parent / f"translation-{name.replace(', ', '-')}"
        shutil.rmtree(book, ignore_errors=True)
        shutil.copytree(fresh, book)
        for path in stale_names:
            edit_source(book / "docs" / "chapters" / path, add=add)
        git(book, "commit", "-q", "-am", "source edits")
        books[f"marks, {name}"] = book
    # The reworded pages with a record that names no version: the page-level notice only,
    # as the build was before (a paragraph added would stop that build: parity).
    older = OUT.parent / "translation-older"
    shutil.rmtree(older, ignore_errors=True)
    shutil.copytree(books["marks, reworded"], older)
    for path in (older / "docs" / "chapters").glob("*.en.md"):
        text = path.read_text("utf-8")
        path.write_text(re.sub(r'translation_of: "[0-9a-f]{40}"', 'translation_of: "0"', text))
    books["notice only, reworded"] = older
    return books


def median_ratios(runs: dict[str, list[dict]], base: str, metric: str) -> dict[str, tuple]:
    out = {}
    for name, results in runs.items():
        ratios = [r[metric] / b[metric] for r, b in zip(results, runs[base], strict=True)]
        out[name] = (
            statistics.median(r[metric] for r in results),
            statistics.median(ratios),
            min(ratios),
            max(ratios),
        )
    return out


def report(title: str, runs: dict[str, list[dict]], base: str) -> None:
    print(f"\n{title}")
    print("  variant                  wall s  ratio (min-max)          CPU s  ratio (min-max)")
    wall, cpu = median_ratios(runs, base, "seconds"), median_ratios(runs, base, "cpu")
    for name in runs:
        cells = [
            f"{m:6.2f}  x{r:.3f} ({lo:.3f}-{hi:.3f})" for m, r, lo, hi in (wall[name], cpu[name])
        ]
        print(f"  {name:22} {cells[0]}  {cells[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--stale", type=int, default=40)
    parser.add_argument("--chapters", type=int, default=200)
    parser.add_argument("--stale-chapters", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-build", action="store_true", help="only the CLI figures")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="the builds' instructions (valgrind's cachegrind, one round): the same every run",
    )
    args = parser.parse_args()

    from book_build import build

    book = changes_book(args.pages, args.stale)
    before = OUT / "changes-before"
    shutil.rmtree(before, ignore_errors=True)
    shutil.copytree(book, before)
    git(before, "checkout", "-q", "reviewed")
    cli = {
        "status": (book, ("status",)),
        f"changes, {args.stale} stale": (book, ("changes",)),
        "changes, all fresh": (before, ("changes",)),
    }
    runs: dict[str, list[dict]] = {name: [] for name in cli}
    for round_ in range(args.rounds):
        for name, (folder, command) in cli.items():
            runs[name].append(run_cli(folder, *command))
            print(f"round {round_ + 1}: {name}: {runs[name][-1]['seconds']:.2f} s", flush=True)
    lines = runs[f"changes, {args.stale} stale"][-1]["lines"]
    report(
        f"{args.pages} page pairs, {args.stale} stale ({lines} report lines), {args.rounds} rounds",
        runs,
        "status",
    )
    if args.skip_build:
        return

    books = build_books(args.chapters, args.stale_chapters)
    if args.instructions:
        counts = {
            name: build(book, instructions=True)["instructions"] for name, book in books.items()
        }
        base = counts["notice only, reworded"]
        print(
            f"\n{args.chapters} chapters x 2 languages, {args.stale_chapters} stale, instructions:"
        )
        for name, count in counts.items():
            print(f"  {name:24} {count / 1e9:8.2f} G  x{count / base:.4f}")
        return
    builds: dict[str, list[dict]] = {name: [] for name in books}
    names = list(books)
    for round_ in range(args.rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            started = time.perf_counter()
            builds[name].append(build(books[name]))
            print(f"round {round_ + 1}: {name}: {time.perf_counter() - started:.2f} s", flush=True)
    report(
        f"{args.chapters} chapters x 2 languages, {args.stale_chapters} stale, "
        f"{args.rounds} rounds (ratios to the page-level notice only)",
        builds,
        "notice only, reworded",
    )


if __name__ == "__main__":
    main()
