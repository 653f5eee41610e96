"""What the parity checks cost inside one build, timed where they run.

    .venv/bin/python benchmarks/parity_cost.py [--chapters 200]

Builds the benchmark book with the parity hook (made by book_build.py's
generator) in this process, and times the two places parity works: the
recorder walking each rendered page's tree, and the whole-book check
(`check_book`: reading, locating, pairing, comparing). Both sides of the
ratio are measured in the same run, so a busy machine slows them alike;
book_build.py gives the ratio of whole builds with and without the hook.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

spent = {"recording": 0.0, "checking the book": 0.0}


def _timed(function, bucket: str):
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[bucket] += time.process_time() - start

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=200)
    args = parser.parse_args()

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from book_build import make_book
    from textbook.sources import outline
    from textbook.translation import check as book_check

    book = make_book("parity-cost", args.chapters, with_quiz=False, hooks=("translation",))
    # Before the hook is loaded, so that it imports the timed function.
    book_check.check_book = _timed(book_check.check_book, "checking the book")
    outline._Step.run = _timed(outline._Step.run, "recording")
    logging.disable(logging.INFO)
    start = time.process_time()
    build(load_config(str(book / "mkdocs.yml"), site_dir=str(book / "site")))
    total = time.process_time() - start
    print(f"{args.chapters} chapters x 2 languages: build {total:.2f} s CPU")
    for bucket, seconds in spent.items():
        print(f"  {bucket:18} {seconds:6.3f} s  {seconds / total:6.2%}")
    parity = sum(spent.values())
    print(f"  parity in all      {parity:6.3f} s  {parity / total:6.2%} of the build")


if __name__ == "__main__":
    main()
