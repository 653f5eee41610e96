"""Build the fixture book once per test session and serve it on loopback.

The tools are tested on the fixture book (tests/fixtures/book/: a frozen copy of chapter 1
with its quiz and glossary, built with the repository's hooks/ and overrides/), so editing
the real book's prose breaks no tool test; the real book's content has its own tests
(test_chapter_content.py, on `real_site`).

A site is built with SITE_URL set to the test server's address, as GitHub Actions sets it
to the Pages address: absolute links then point at this server.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# The tools' fixture book: its mkdocs.yml and docs/; hooks/ and overrides/ are the repository's.
BOOK = ROOT / "tests" / "fixtures" / "book"
MOUNT = "book"


@dataclass
class Site:
    """A built site: its folder, the URL it is served at, the build's log, its project."""

    dir: Path
    url: str
    log: str
    project: Path = ROOT

    def html(self, path: str) -> BeautifulSoup:
        """The page at a site-relative path ('' or 'en/chapters/x/'), parsed."""
        file = self.dir / path
        if path == "" or path.endswith("/"):
            file = file / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")

    def pages(self) -> list[str]:
        """Site-relative paths of every built HTML page."""
        paths = []
        for file in sorted(self.dir.rglob("*.html")):
            rel = file.relative_to(self.dir).as_posix()
            paths.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        return paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(project: Path, out: Path, site_url: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as an author runs it, in a subprocess."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


def report_problems(stderr: str) -> list[str]:
    """The problems of a failed build's one report (hooks/textbook/report.py), in its order,
    after checking that its count is right."""
    report = stderr.split("ERROR   -  The build stopped on ", 1)[1]
    count, *lines = report.split("\n")
    problems = [line[2:] for line in lines if line.startswith("  ")]
    assert count == f"{len(problems)} problem{'s' if len(problems) > 1 else ''}:"
    return problems


def copy_book(folder: Path, book: Path = BOOK) -> Path:
    """A copy of the fixture book's project (or another book's) in `folder`: what a build
    reads, with the repository's hooks and templates."""
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        source = (book if name in ("mkdocs.yml", "docs") else ROOT) / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, folder / name)
    return folder


@pytest.fixture
def book(tmp_path) -> Path:
    """A copy of the fixture book, for a test to break in one place."""
    return copy_book(tmp_path)


@pytest.fixture(scope="module")
def reviewed_book(tmp_path_factory) -> Path:
    """The translator's test book (tests/translation_book.py): a git repository whose
    translation was reviewed."""
    from translation_book import make_book

    return make_book(tmp_path_factory.mktemp("reviewed"))


@pytest.fixture
def repo(reviewed_book, tmp_path) -> Path:
    """A copy of the reviewed book, its git history included, for a test to edit."""
    copy = tmp_path / "book"
    shutil.copytree(reviewed_book, copy, symlinks=True)
    return copy


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory, port) -> Site:
    """The fixture book, built once and served at `port`."""
    project = copy_book(tmp_path_factory.mktemp("project"))
    root = tmp_path_factory.mktemp("srv")
    url = f"http://127.0.0.1:{port}/{MOUNT}/"
    result = build_site(project, root / MOUNT, url)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return Site(dir=root / MOUNT, url=url, log=result.stderr, project=project)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Site:
    """The real book, built once: for the tests of its content."""
    root = tmp_path_factory.mktemp("real")
    url = f"http://127.0.0.1:{free_port()}/{MOUNT}/"
    result = build_site(ROOT, root / MOUNT, url)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return Site(dir=root / MOUNT, url=url, log=result.stderr)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep test output clean
        pass


@contextlib.contextmanager
def serving(directory: Path, port: int = 0):
    """Serves a folder on loopback while the block runs; yields the root URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site, port) -> str:
    """Serves the built site on loopback; returns its URL."""
    with serving(site.dir.parent, port):
        yield site.url


# -----------------------------------------------------------------------------
# Browser
# -----------------------------------------------------------------------------

# The browser the book's PDF is printed with (hooks/textbook/export/pdf.py), with its flags.
from textbook.export.pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402, F401


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Traffic:
    """What a page did besides rendering: requests, failures, console errors."""

    requests: list[str]
    failed: list[str]
    errors: list[str]


def open_context(browser, server: str, **options):
    """A fresh browser profile whose every request, failure and error is recorded."""
    context = browser.new_context(base_url=server, **options)
    traffic = Traffic(requests=[], failed=[], errors=[])
    context.on("request", lambda r: traffic.requests.append(r.url))
    context.on("requestfailed", lambda r: traffic.failed.append(f"{r.url} {r.failure}"))
    context.on(
        "response", lambda r: r.status >= 400 and traffic.failed.append(f"{r.url} {r.status}")
    )

    def watch(page):
        page.on("console", lambda m: m.type == "error" and traffic.errors.append(m.text))
        page.on("pageerror", lambda e: traffic.errors.append(f"{e}\n{e.stack}"))

    context.on("page", watch)
    return context, traffic


@pytest.fixture
def visit(browser, server):
    """Opens pages in a fresh profile; yields (new_page, traffic)."""
    contexts = []

    def new_page(**options):
        context, traffic = open_context(browser, server, **options)
        contexts.append(context)
        return context.new_page(), traffic

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def exported(site) -> Path:
    """The book as PDF, EPUB and offline copy, exported once into the test site's downloads/."""
    env = {**os.environ, "SITE_URL": site.url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "hooks/book.py", "export", "--no-build", "--site-dir", site.dir]
    result = subprocess.run(command, cwd=site.project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"hooks/book.py export failed:\n{result.stderr}"
    return site.dir / "downloads"


# -----------------------------------------------------------------------------
# Tiers
# -----------------------------------------------------------------------------

# A test's tier follows from the most expensive fixture it uses; a module that builds or
# serves a book of its own says so with `pytestmark = pytest.mark.build` (or serve).
# `pytest -m unit` is the inner loop: no build, no browser (guides/contributors.md).
TIER_OF_FIXTURE = {
    "exported": "export",
    "tabbed_book": "export",
    "browser": "browser",
    "visit": "browser",
    "server": "browser",
    "site": "build",
    "real_site": "build",
    "book": "build",
    "built": "build",  # test_math_book.py's book of formulas
    "reviewed_book": "build",  # the translator's git book: its tests run builds and the CLI
}
TIERS = ("unit", "build", "serve", "browser", "export")


def pytest_configure(config):
    for tier in TIERS:
        config.addinivalue_line("markers", f"{tier}: the {tier} tier (tests/conftest.py)")


def pytest_collection_modifyitems(items):
    for item in items:
        if any(item.get_closest_marker(tier) for tier in TIERS):
            continue
        used = [TIER_OF_FIXTURE[name] for name in item.fixturenames if name in TIER_OF_FIXTURE]
        tier = max(used, key=TIERS.index) if used else "unit"
        item.add_marker(getattr(pytest.mark, tier))
