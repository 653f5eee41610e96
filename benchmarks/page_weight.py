"""What a reader downloads: a chapter page's first visit and a search in each language.

    .venv/bin/python benchmarks/page_weight.py [--chapters 1 50 200] [--rounds 2] [--no-previous]

For each size it generates a bilingual book whose chapters differ in their words (the
same paragraphs repeated would compress to nothing and make an index look small),
builds it, serves it with gzip on loopback, and records in Chromium every request a
chapter page makes on a first visit, then the bytes of a first and a second search in
each language. It also builds the largest book with the previous search (Material's
lunr index, split per language, jieba for Chinese), alternating, for the build time
side by side. Chapters come in parts of twenty, as a long book is organised.
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
import statistics
import subprocess
import threading
import time
from collections import defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from book_build import ROOT, build, make_book, nav_in_parts

# Words each chapter draws its own vocabulary from: English syllables and the
# Chinese characters of the real book, so both compress like running text.
SYLLABLES = [a + b for a in "bcdfghklmnprstvwz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]
# Prose lines: not headings, boxes, tables, attributes, captions (///), front matter.
PLAIN_LINE = re.compile(r"^(?![#!|{ /]|---|\w+:)(?=.)")
VOCABULARY = 20000
PART = 20
# Word frequencies fall with rank, as in prose.
ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, VOCABULARY + 1)))
# The commit before Pagefind: its hooks and templates are the previous search.
PREVIOUS = "cc0f6a65c6082f839125492b120288b616a3af43"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SEARCHES = {
    "zh": ("chapters/chapter-001/", ["强化学习", "监督微调"]),
    "en": ("en/chapters/chapter-001/", ["reinforcement", "supervised"]),
}


# -----------------------------------------------------------------------------
# A book whose chapters differ
# -----------------------------------------------------------------------------


def make_varied_book(name: str, chapters: int) -> Path:
    """The benchmark book with quizzes, every chapter's paragraphs re-worded."""
    book = make_book(name, chapters, with_quiz=True, hooks=("quiz", "translation"))
    nav_in_parts(book / "mkdocs.yml", PART)
    han = sorted(set(re.findall(r"[\u4e00-\u9fff]", _real_text("zh"))))
    rng = random.Random(0)
    vocabularies = {"zh": _vocabulary(rng, han, chinese=True), "en": _vocabulary(rng, [], False)}
    for path in sorted((book / "docs" / "chapters").glob("*.md")):
        rng = random.Random(path.stem)
        # Each chapter leans on its own words of the book's vocabulary.
        vocabulary = vocabularies[path.stem[-2:]][:]
        rng.shuffle(vocabulary)
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
    """The book's made-up words: twenty thousand, as in a long technical book."""
    letters = han if chinese else SYLLABLES
    return ["".join(rng.choices(letters, k=rng.choice((1, 2, 2, 3)))) for _ in range(VOCABULARY)]


def _reword(line: str, rng: random.Random, vocabulary: list[str]) -> str:
    """Replace about half the words of a line, keeping its punctuation and markup."""
    # Link targets, footnote marks, attributes and formulas stay whole: ids must match.
    word = re.compile(
        r"\]\([^)]*\)|\[\^[^\]]*\]|\{[^}]*\}|\$[^$]*\$|[\u4e00-\u9fff]{1,2}|[A-Za-z]{3,}"
    )

    def swap(match: re.Match) -> str:
        if rng.random() < 0.5 or match.group()[0] in "][{$":
            return match.group()
        return rng.choices(vocabulary, cum_weights=ZIPF)[0]

    return word.sub(swap, line)


def make_previous_book(name: str, chapters: int) -> Path:
    """The same book with the search this project had before Pagefind (lunr, jieba)."""
    book = make_varied_book(name, chapters)
    for path in ("hooks/textbook/languages/hook.py", "overrides/main.html"):
        (book / path).write_text(_previous(path), "utf-8")
    config = (book / "mkdocs.yml").read_text("utf-8")
    config = config.replace("  - hooks/textbook/search/hook.py\n", "")
    config = re.sub(r"  - search\n", "  - search:\n      pipeline: [stopWordFilter]\n", config)
    (book / "mkdocs.yml").write_text(config, "utf-8")
    return book


def _previous(path: str) -> str:
    return subprocess.run(
        ["git", "show", f"{PREVIOUS}:{path}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


# -----------------------------------------------------------------------------
# Serving with gzip, counting bytes
# -----------------------------------------------------------------------------


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves text gzip-compressed (level 6), as GitHub Pages does; counts body bytes."""

    sent: list[tuple[str, int]]

    def log_message(self, format, *args):  # noqa: A002 - keep output clean
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if Path(path).is_dir():
            path = str(Path(path) / "index.html")
        compress = Path(path).suffix in COMPRESSED and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if not compress or not Path(path).is_file():
            return self._counted(super().send_head())
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.sent.append((self.path, len(body)))
        return io.BytesIO(body)

    def _counted(self, file):
        if file is not None and hasattr(file, "fileno"):
            self.sent.append((self.path, Path(self.translate_path(self.path)).stat().st_size))
        return file


def serve(site: Path) -> tuple[str, list[tuple[str, int]], ThreadingHTTPServer]:
    sent: list[tuple[str, int]] = []
    handler = type("Handler", (_GzipHandler,), {"sent": sent})
    httpd = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site.parent))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_port}/{site.name}/", sent, httpd


# -----------------------------------------------------------------------------
# The reader's visit
# -----------------------------------------------------------------------------


def visit(browser, url: str, sent: list, lang: str) -> dict:
    """A first visit of a chapter page, then two searches; bytes by step."""
    path, queries = SEARCHES[lang]
    context = browser.new_context()
    page = context.new_page()
    other_hosts: list[str] = []
    page.on(
        "request",
        lambda r: urlsplit(r.url).netloc != urlsplit(url).netloc and other_hosts.append(r.url),
    )
    sent.clear()
    page.goto(url + path, wait_until="networkidle")
    figures = {"page": list(sent), "searches": [], "other hosts": other_hosts}
    for query in queries:
        sent.clear()
        box = page.locator(".md-search__input")
        box.click()
        box.fill(query)
        page.keyboard.press("End")  # Material reacts to keyup
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_load_state("networkidle")
        time.sleep(0.3)
        figures["searches"].append((query, list(sent)))
    context.close()
    return figures


def _kib(n: int) -> str:
    return f"{n / 1024:6.1f} KiB"


def _by_resource(sent: list[tuple[str, int]]) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for path, size in sent:
        name = urlsplit(path).path.rsplit("/", 2)
        sizes["/".join(name[-2:]) if name[-1] in ("", "index.html") else name[-1]] += size
    return sizes


def report(chapters: int, figures: dict[str, dict]) -> None:
    for lang, fig in figures.items():
        total = sum(size for _, size in fig["page"])
        print(
            f"\n{chapters} chapters, {lang} chapter page, first visit: "
            f"{len(fig['page'])} requests, {_kib(total)} gzip"
        )
        for name, size in sorted(_by_resource(fig["page"]).items(), key=lambda kv: -kv[1]):
            print(f"    {name:42} {_kib(size)}")
        for n, (query, sent) in enumerate(fig["searches"], 1):
            print(
                f"  search {n} ({query}): {len(sent)} requests, "
                f"{_kib(sum(size for _, size in sent))}"
            )
            for name, size in sorted(_by_resource(sent).items(), key=lambda kv: -kv[1]):
                print(f"    {name:42} {_kib(size)}")
        print(f"  requests to other hosts: {len(fig['other hosts'])}")


def measure(book: Path) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    url, sent, httpd = serve(book / "site")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            figures = {lang: visit(browser, url, sent, lang) for lang in SEARCHES}
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, nargs="+", default=[1, 50, 200])
    parser.add_argument("--rounds", type=int, default=2, help="timed builds of each variant")
    parser.add_argument("--no-previous", action="store_true", help="skip the jieba build")
    args = parser.parse_args()

    for chapters in args.chapters:
        book = make_varied_book(f"weight-{chapters}", chapters)
        seconds = build(book)["seconds"]
        print(f"\n=== {chapters} chapters: built in {seconds:.1f} s", flush=True)
        report(chapters, measure(book))

    if args.no_previous:
        return
    chapters = max(args.chapters)
    books = {
        "Pagefind": make_varied_book("search-pagefind", chapters),
        "previous (lunr + jieba)": make_previous_book("search-previous", chapters),
    }
    times: dict[str, list[float]] = {name: [] for name in books}
    for round_ in range(args.rounds):
        for name in list(books)[:: 1 if round_ % 2 == 0 else -1]:
            times[name].append(build(books[name])["seconds"])
    print(f"\nBuild time, {chapters} chapters x 2 languages, {args.rounds} rounds (median):")
    base = statistics.median(times["previous (lunr + jieba)"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:26} {median:6.2f} s  x{median / base:.3f}")


if __name__ == "__main__":
    main()
