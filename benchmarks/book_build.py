"""Build a synthetic bilingual book with and without each optional feature, side by side.

    .venv/bin/python benchmarks/book_build.py [--chapters 200] [--rounds 3]

Variants are built alternately, round after round, in fresh processes, so a
slow moment on a shared machine hits them alike; the report gives medians,
ratios against the baseline, each build's peak memory, and the quiz's asset
bytes. No timed assertions: this prints figures for people to read.

    .venv/bin/python benchmarks/book_build.py --instructions

counts the instructions each build executes instead (valgrind's cachegrind, one
round): about 20 times slower, but the same figure on every run, however busy
the machine is.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
WORDS_PER_CHAPTER = 1500

# A child process builds the book and reports its own time and peak memory.
CHILD = """
import json, resource, sys, time, logging
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.disable(logging.INFO)
start = time.perf_counter()
config = load_config(sys.argv[1], site_dir=sys.argv[2])
build(config)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mib": usage.ru_maxrss / 1024}))
"""


def _chapter_text(lang: str) -> tuple[str, list[str]]:
    """The real chapter's title and paragraphs, to repeat into synthetic chapters."""
    text = (ROOT / "docs" / "chapters" / f"sft-to-rl.{lang}.md").read_text("utf-8")
    body = text.split("\n# ", 1)[1]
    # Prose only: no headings, boxes, tables, figures or their captions (`///` blocks), and no
    # paragraph that refers to a figure or table by id, which the copies do not carry.
    paragraphs = [
        p
        for p in body.split("\n\n")
        if p and not p.startswith(("#", "!", "|", " ", "{", "///")) and "](#" not in p
    ]
    return body.splitlines()[0], paragraphs


def _words(text: str) -> int:
    # A Chinese character counts as a word, as word counts for Chinese do.
    return len(re.findall(r"[A-Za-z0-9’']+|[\u4e00-\u9fff]", text))


def _paragraph_count() -> int:
    """Enough English paragraphs for the word count; Chinese gets as many, to stay parallel."""
    _, paragraphs = _chapter_text("en")
    words, count = 0, 0
    while words < WORDS_PER_CHAPTER:
        words += _words(paragraphs[count % len(paragraphs)])
        count += 1
    return count


def _chapter(lang: str, n: int, with_quiz: bool, count: int) -> str:
    title, paragraphs = _chapter_text(lang)
    parts = [f"# {n}. {title}\n"]
    for i in range(count):
        if i % 3 == 0:
            parts.append(f"## Section {i // 3 + 1} {{#s{i // 3 + 1}}}\n")
        parts.append(paragraphs[i % len(paragraphs)] + "\n")
    if with_quiz:
        parts.append("## Quiz {#quiz}\n")
        parts.append(f'{{{{ quiz("chapter-{n:03}") }}}}\n')
    return "\n".join(parts)


def _quiz(n: int) -> str:
    """Four questions, one of each type, from the real quiz's first questions."""
    source = (ROOT / "docs" / "quizzes" / "sft-to-rl.yml").read_text("utf-8")
    questions = source.split("\n  - id: ")[1:]
    picked = [q for q in questions if "type: single" in q][:1]
    picked += [q for q in questions if "type: true_false" in q][:1]
    picked += [q for q in questions if "type: multiple" in q][:1]
    picked += [q for q in questions if "type: short" in q][:1]
    body = "".join("\n  - id: " + re.sub(r"section: [\w-]+", "section: s1", q) for q in picked)
    return f"questions:{body}\n"


def make_book(name: str, chapters: int, with_quiz: bool, hooks: tuple[str, ...]) -> Path:
    book = OUT / name
    shutil.rmtree(book, ignore_errors=True)
    for part in ("hooks", "overrides"):
        shutil.copytree(ROOT / part, book / part, ignore=shutil.ignore_patterns("__pycache__"))
    docs = book / "docs"
    (docs / "chapters").mkdir(parents=True)
    (docs / "quizzes").mkdir()
    for lang in ("zh", "en"):
        shutil.copy(ROOT / "docs" / f"index.{lang}.md", docs / f"index.{lang}.md")
    nav = ["  - index.md"]
    count = _paragraph_count()
    for n in range(1, chapters + 1):
        for lang in ("zh", "en"):
            (docs / "chapters" / f"chapter-{n:03}.{lang}.md").write_text(
                _chapter(lang, n, with_quiz, count), "utf-8"
            )
        if with_quiz:
            (docs / "quizzes" / f"chapter-{n:03}.yml").write_text(_quiz(n), "utf-8")
        nav.append(f"  - chapters/chapter-{n:03}.md")
    _mark_translations_reviewed(docs)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"nav:\n(  - .*\n)+", "nav:\n" + "\n".join(nav) + "\n", config)
    for feature in ("quiz", "translation"):
        if feature not in hooks:
            config = config.replace(f"  - hooks/textbook/{feature}/hook.py\n", "")
    # The home page links to the real chapter, which this book does not have.
    config = config.replace("  links:\n    not_found: warn", "  links:\n    not_found: info")
    (book / "mkdocs.yml").write_text(config, "utf-8")
    return book


def nav_in_parts(config_path: Path, part: int) -> None:
    """Chapters in parts of `part`, as a long book is organised (and navigation.prune
    then renders only the current part's chapters on each page)."""
    config = config_path.read_text("utf-8")
    chapters = re.findall(r"^  - (chapters/.*)$", config, flags=re.MULTILINE)
    nav, names = ["nav:", "  - index.md"], []
    for start in range(0, len(chapters), part):
        names.append((f"第 {start // part + 1} 部分", f"Part {start // part + 1}"))
        nav.append(f"  - {names[-1][0]}:")
        nav += [f"    - {chapter}" for chapter in chapters[start : start + part]]
    config = re.sub(r"nav:\n(  - .*\n)+", "\n".join(nav) + "\n", config)
    translations = "".join(f"\n            {zh}: {en}" for zh, en in names)
    config = config.replace(
        "          site_name: How Large Language Models Are Trained",
        "          site_name: How Large Language Models Are Trained\n"
        f"          nav_translations:{translations}",
    )
    config_path.write_text(config, "utf-8")


def _mark_translations_reviewed(docs: Path) -> None:
    """Fresh translations, as in a maintained book (stale ones would only add log lines)."""
    from textbook.sources.pages import read_book
    from textbook.translation.stale.freshness import mark_reviewed

    for page in read_book(docs, ("zh", "en")).values():
        mark_reviewed(page.variants["en"].path, page.variants["zh"])


def build(book: Path, instructions: bool = False) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    valgrind = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
    ]
    result = subprocess.run(
        [*(valgrind if instructions else []), sys.executable, "-c", CHILD]
        + [str(book / "mkdocs.yml"), str(book / "site")],
        capture_output=True,
        text=True,
        env=env,
        cwd=book,
    )
    if result.returncode != 0:
        sys.exit(f"build of {book.name} failed:\n{(result.stdout + result.stderr)[-3000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if instructions:
        refs = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
        figures["instructions"] = int(refs.group(1).replace(",", ""))
    return figures


def asset_bytes(book: Path) -> dict:
    site = book / "site"
    out = {}
    for rel in ("assets/javascripts/quiz.js", "assets/stylesheets/quiz.css"):
        data = (site / rel).read_bytes()
        out[Path(rel).name] = (len(data), len(gzip.compress(data, 9)))
    page = (site / "chapters" / "chapter-001" / "index.html").read_bytes()
    out["chapter page"] = (len(page), len(gzip.compress(page, 9)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--instructions", action="store_true", help="count instructions")
    args = parser.parse_args()

    # Each feature against a baseline with neither hook, then both together.
    variants = {
        "baseline": make_book("plain", args.chapters, with_quiz=False, hooks=()),
        "parity checks": make_book(
            "parity", args.chapters, with_quiz=False, hooks=("translation",)
        ),
        "quizzes": make_book("quiz", args.chapters, with_quiz=True, hooks=("quiz",)),
        "both": make_book("both", args.chapters, with_quiz=True, hooks=("quiz", "translation")),
    }
    if args.instructions:
        counts = {
            name: build(book, instructions=True)["instructions"] for name, book in variants.items()
        }
        print(f"\n{args.chapters} chapters x 2 languages, instructions executed (cachegrind):")
        for name, count in counts.items():
            print(f"  {name:16} {count / 1e9:8.2f} G  x{count / counts['baseline']:.3f}")
        return

    runs: dict[str, list[dict]] = {name: [] for name in variants}
    names = list(variants)
    for round_ in range(args.rounds):
        # Rotate the order each round, so a machine that drifts slower hits all alike.
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            runs[name].append(build(variants[name]))
            print(f"round {round_ + 1}: {name}: {runs[name][-1]['seconds']:.2f} s", flush=True)

    print(f"\n{args.chapters} chapters x 2 languages, {args.rounds} rounds")
    print("Ratios are medians of per-round ratios to the baseline (min-max in brackets).")
    print("  variant          wall s  wall ratio              CPU s  CPU ratio               peak")
    for name, results in runs.items():
        cells = []
        for metric in ("seconds", "cpu"):
            ratios = [r[metric] / b[metric] for r, b in zip(results, runs["baseline"], strict=True)]
            median = statistics.median(r[metric] for r in results)
            spread = f"({min(ratios):.3f}-{max(ratios):.3f})"
            cells.append(f"{median:6.2f}  x{statistics.median(ratios):.3f} {spread:15}")
        peak = max(r["peak_mib"] for r in results)
        print(f"  {name:16} {cells[0]}  {cells[1]}  {peak:4.0f} MiB")
    print("\nAssets (raw bytes, gzip -9 bytes):")
    sizes = asset_bytes(variants["quizzes"])
    plain = asset_bytes(variants["baseline"])["chapter page"]
    for name, (raw, gz) in sizes.items():
        print(f"  {name:18} {raw:7d}  {gz:6d}")
    quiz_gz = sizes["quiz.js"][1] + sizes["quiz.css"][1]
    print(f"  quiz.js + quiz.css gzip together: {quiz_gz} bytes (loaded only on quiz pages)")
    print(f"  chapter page without a quiz: {plain[0]} raw, {plain[1]} gzip")


if __name__ == "__main__":
    main()
