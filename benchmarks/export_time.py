"""How long the book takes to export as PDF, EPUB and an offline copy, at book size.

    .venv/bin/python benchmarks/export_time.py [--chapters 200]

Generates the synthetic bilingual book of benchmarks/book_build.py, builds it once,
then runs `hooks/book.py export --no-build` on the build and prints the seconds per
format (both languages each), the site build beside them for scale, and the files'
sizes and page counts. No timed assertions: this prints figures for people to read.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent))

from book_build import ROOT, build, make_book  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chapters", type=int, default=200)
    args = parser.parse_args()
    book = make_book(f"export-{args.chapters}", args.chapters, True, ("quiz", "parity"))
    site = book / "site"
    built = build(book)
    print(f"{args.chapters} chapters, two languages; site build {built['seconds']:.1f} s")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(ROOT / "hooks" / "book.py"), "-f", str(book / "mkdocs.yml")]
    command += ["export", "--no-build", "--site-dir", str(site)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=book, env=env, capture_output=True, text=True)
    total = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"export failed:\n{result.stderr[-3000:]}")
    print(result.stdout.strip())
    for pdf in sorted((site / "downloads").glob("*.pdf")):
        print(f"{pdf.name}: {len(PdfReader(pdf).pages)} pages")
    print(f"export in all: {total:.1f} s (x{total / built['seconds']:.2f} the site build)")


if __name__ == "__main__":
    main()
