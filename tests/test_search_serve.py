"""Indexing in `mkdocs serve` (once, at its first build) and a build without Pagefind."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import build_site, free_port

pytestmark = pytest.mark.serve


def _read(proc, lines: list[str]) -> None:
    """Collect the server's log lines as they come, in a thread of their own."""

    def read() -> None:
        for line in iter(proc.stderr.readline, ""):
            lines.append(line)

    threading.Thread(target=read, daemon=True).start()


def _wait_for(lines: list[str], text: str, after: int, timeout: float = 90) -> int:
    """The index past the first line from `after` on that contains `text`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for index in range(after, len(lines)):
            if text in lines[index]:
                return index + 1
        time.sleep(0.1)
    raise AssertionError(f"no {text!r} in the serve log:\n{''.join(lines)}")


def test_serve_indexes_at_start_and_keeps_the_index_on_rebuild(book):
    port = free_port()
    # Without SITE_URL, serve mounts the site under mkdocs.yml's fallback path.
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    lines: list[str] = []
    with subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=book,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    ) as proc:
        _read(proc, lines)
        try:
            at = _wait_for(lines, "Search: Pagefind indexed 8 pages", 0)
            at = _wait_for(lines, "Serving on", at)
            chapter = book / "docs" / "chapters" / "sft-to-rl.en.md"
            # A reworded sentence: the languages stay parallel.
            text = chapter.read_text("utf-8")
            assert "Honestly, I don’t know." in text
            chapter.write_text(text.replace("Honestly, I don’t know.", "I don’t know."), "utf-8")
            at = _wait_for(lines, "Search: kept the index from serve's first build", at)
            _wait_for(lines, "Documentation built", at)
            url = f"http://127.0.0.1:{port}/llm-book/pagefind/pagefind-entry.json"
            with urllib.request.urlopen(url) as response:
                assert response.status == 200
        finally:
            proc.terminate()
    assert sum("Search: Pagefind indexed" in line for line in lines) == 1


def test_a_missing_pagefind_binary_stops_the_build_with_one_clear_line(book, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind")
    result = build_site(book, book / "site", "https://example.org/book/")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  search index: cannot run Pagefind's binary /nonexistent/pagefind "
        "(No such file or directory); install it with: .venv/bin/pip install -r requirements.txt"
    ]
    assert "Traceback" not in result.stderr
