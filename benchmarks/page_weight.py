"""What a reader downloads: a chapter page's first visit and a search in each language.

    .venv/bin/python benchmarks/page_weight.py [--chapters 1 50 200] [--no-baseline]

For each size it generates a bilingual book whose chapters differ in their words (the
same paragraphs repeated would compress to nothing and make an index look small),
builds it, serves it with gzip on loopback, and records in Chromium every request a
chapter page makes on a first visit, then the bytes of a first and a second search in
each language. It also builds the largest book with the previous search (Material's
lunr index, split per language, jieba for Chinese) for the build time side by side.
No assertions: it prints figures for people to read.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import itertools
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from book_build import OUT, ROOT, build, make_book  # noqa: E402

# Words each chapter draws its own vocabulary from: English syllables and the
# Chinese characters of the real book, so both compress like running text.
SYLLABLES = [a + b for a in "bcdfghklmnprstvwz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]
PLAIN_LINE = re.compile(r"^(?![#!|{ ]|---|\w+:)(?=.)")
# Word frequencies fall with rank, as in prose.
ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, 2001)))
SEARCHES = {
    "zh": ("chapters/chapter-001/", ["强化学习", "监督微调"]),
    "en": ("en/chapters/chapter-001/", ["reinforcement", "supervised"]),
}


# -----------------------------------------------------------------------------
# A book whose chapters differ
# -----------------------------------------------------------------------------


def make_varied_book(name: str, chapters: int) -> Path:
    """The benchmark book with quizzes, every chapter's paragraphs re-worded."""
    book = make_book(name, chapters, with_quiz=True, hooks=("quiz", "parity"))
    han = sorted(set(re.findall(r"[\u4e00-\u9fff]", _real_text("zh"))))
    for path in sorted((book / "docs" / "chapters").glob("*.md")):
        rng = random.Random(path.stem)
        vocabulary = _vocabulary(rng, han, chinese=path.stem.endswith(".zh"))
        lines = path.read_text("utf-8").splitlines()
        body = lines.index("---", 1) + 1 if lines[0] == "---" else 0
        lines[body:] = [
            _reword(line, rng, vocabulary) if PLAIN_LINE.match(line) else line
            for line in lines[body:]
        ]
        path.write_text("\n".join(lines) + "\n", "utf-8")
    return book


def _real_text(lang: str) -> str:
    return (ROOT / "docs" / "chapters" / f"sft-to-rl.{lang}.md").read_text("utf-8")


def _vocabulary(rng: random.Random, han: list[str], chinese: bool) -> list[str]:
    """Two thousand made-up words, a different draw for every chapter and language."""
    if chinese:
        return ["".join(rng.choices(han, k=rng.choice((1, 2, 2, 3)))) for _ in range(2000)]
    return ["".join(rng.choices(SYLLABLES, k=rng.choice((1, 2, 2, 3)))) for _ in range(2000)]


def _reword(line: str, rng: random.Random, vocabulary: list[str]) -> str:
    """Replace about half the words of a line, keeping its punctuation and markup."""
    word = re.compile(r"[\u4e00-\u9fff]{1,2}|[A-Za-z]{3,}")

    def swap(match: re.Match) -> str:
        if rng.random() < 0.5:
            return match.group()
        return rng.choices(vocabulary, cum_weights=ZIPF)[0]

    return word.sub(swap, line)


if __name__ == "__main__":
    book = make_varied_book("varied", int(sys.argv[1]))
    print(build(book))
