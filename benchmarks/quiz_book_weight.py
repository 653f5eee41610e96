"""What the book-wide quiz features weigh, on a synthetic book, side by side.

    .venv/bin/python benchmarks/quiz_book_weight.py [--chapters 200] [--part 20]

Builds the synthetic book of book_build.py (4 questions a chapter, in parts of
20 chapters) with the progress page, then prints gzip bytes: the shared quiz
code, the nav marks (script, and the data each page's tag carries: alone, and
what it adds to the gzipped page), the progress page's code, and
the progress page itself with its questions rendered in at build time, against
the alternative of fetching them as JSON per language (the page without its
<template>s, plus the questions' texts as JSON).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil

from bs4 import BeautifulSoup

from book_build import ROOT, build, make_book, nav_in_parts


def gz(data: bytes | str) -> int:
    return len(gzip.compress(data.encode() if isinstance(data, str) else data, 9))


def as_json(template) -> list[dict]:
    """What a JSON alternative would carry: each question's texts, as rendered HTML."""
    quiz = BeautifulSoup(template.decode_contents(), "lxml")
    return [
        {
            "id": form["data-question"],
            "v": form["data-version"],
            "type": form["data-type"],
            "accept": form.get("data-accept"),
            "q": form.select_one(".quiz__legend").decode_contents(),
            "options": [label.decode_contents() for label in form.select(".quiz__option label")],
            "answer": form.select_one(".quiz__answer").decode_contents(),
        }
        for form in quiz.select("form.quiz__question")
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=200)
    parser.add_argument("--part", type=int, default=20, help="chapters a part")
    args = parser.parse_args()
    book = make_book("progress", args.chapters, with_quiz=True, hooks=("quiz",))
    nav_in_parts(book / "mkdocs.yml", args.part)
    for lang in ("zh", "en"):
        shutil.copy(ROOT / "docs" / f"progress.{lang}.md", book / "docs" / f"progress.{lang}.md")
    config = (book / "mkdocs.yml").read_text("utf-8")
    (book / "mkdocs.yml").write_text(
        config.replace("  - index.md\n", "  - index.md\n  - progress.md\n", 1), "utf-8"
    )
    build(book)
    site = book / "site"
    asset = lambda rel: (site / "assets" / rel).read_bytes()  # noqa: E731

    print(f"{args.chapters} chapters, 4 questions each; gzip -9 bytes")
    shared = gz(asset("javascripts/quiz.js")) + gz(asset("stylesheets/quiz.css"))
    print(f"  quiz.js + quiz.css (quiz pages, progress page)   {shared:7d}")
    html = (site / "en/chapters/chapter-001/index.html").read_text("utf-8")
    tag = BeautifulSoup(html, "lxml").select_one("script[data-quiz-nav]")
    data, listed = tag["data-quiz-nav"], len(json.loads(tag["data-quiz-nav"])["q"])
    # The page as it would be without nav marks.
    without, found = re.subn(r'<script [^>]*data-quiz-nav="[^"]*"></script>', "", html)
    assert found == 1
    marks = gz(asset("javascripts/nav-marks.js"))
    print(f"  nav-marks.js (every page, cached)                {marks:7d}")
    print(f"  nav data in a chapter's tag ({listed:3d} chapters)      {gz(data):7d}")
    print(f"    what the tag adds to the gzipped page          {gz(html) - gz(without):7d}")
    own = gz(asset("javascripts/progress-page.js")) + gz(asset("stylesheets/progress-page.css"))
    print(f"  progress-page.js + .css (progress page only)     {own:7d}")

    html = (site / "en/progress/index.html").read_text("utf-8")
    page = BeautifulSoup(html, "lxml")
    questions = [as_json(t) for t in page.select(".quiz-progress__chapter template")]
    for template in page.select(".quiz-progress__chapter template"):
        template.decompose()
    rendered, bare, fetched = gz(html), gz(str(page)), gz(json.dumps(questions))
    print(f"  progress page, questions rendered in (chosen)    {rendered:7d}")
    print(f"  progress page without them + JSON per language   {bare + fetched:7d}")
    ratio = rendered / (bare + fetched)
    print(f"    (page {bare} + JSON {fetched}); ratio chosen/JSON {ratio:.2f}")


if __name__ == "__main__":
    main()
