"""Parity inside the build: every problem in one error, and no half site left behind."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import build_site
from parity_helpers import write_pair
from textbook.serve import cache as serve_cache
from textbook.sources.lines import Words
from textbook.sources.outline import Block, Outline
from textbook.sources.pages import read_book
from textbook.sources.store import outline_of, remember

EN, ZH = "docs/chapters/sft-to-rl.en.md", "docs/chapters/sft-to-rl.zh.md"


def _break(book):
    """Three differences in the English chapter: an id, a table row, an open box."""
    en = book / EN
    good = en.read_text("utf-8")
    row = (
        "| Practice problems | Sees only the final answer and practices "
        "| Reinforcement learning (RL) |\n"
    )
    broken = good.replace("{#practice-problems}", "{#practice}").replace(row, "")
    en.write_text(broken.replace("!!! example", "??? example"), "utf-8")
    return good


def test_all_differences_stop_the_build_in_one_error_and_nothing_is_published(book):
    _break(book)
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (
        "ERROR   -  The build stopped on 3 problems:\n"
        f"  {EN}:26: a table of 3 rows x 3 columns where {ZH}:25 has 4 rows x 3 columns.\n"
        f"  {EN}:35: the heading 'Practice problems: only the final answer' has the id "
        f"{{#practice}} where {ZH}:35 has {{#practice-problems}}; use {{#practice-problems}}.\n"
        f"  {EN}:43: the 'example' box is collapsed (???) where {ZH}:43 is open (!!! or ???+); "
        "use the same marker.\n"
    ) in result.stderr
    assert [p for p in (book / "site").rglob("*") if p.is_file()] == []


def test_serve_keeps_its_site_and_recovers_on_the_next_rebuild(book, caplog):
    good = _break(book)
    site = book / "site"

    def rebuild():  # as `mkdocs serve` does: a fresh config every time
        config = load_config(str(book / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)

    try:
        with caplog.at_level(logging.ERROR), pytest.raises(Abort):
            rebuild()
        assert "The build stopped on 3 problems:" in caplog.text
        assert (site / "chapters/sft-to-rl/index.html").exists()
        (book / EN).write_text(good, "utf-8")
        rebuild()
        assert (site / "en/chapters/sft-to-rl/index.html").exists()
    finally:
        # `mkdocs serve` patches MkDocs for the process (serve_cache.py); undo it here.
        serve_cache.uninstall()


def test_a_recorded_outline_serves_until_its_page_changes(tmp_path):
    """A rebuild that does not render an unchanged page still has the page's outline."""
    docs = tmp_path / "docs"
    write_pair(docs, "# 标题\n\n正文。\n", "# Title\n\nText.\n")
    source = read_book(docs, ("zh", "en"))["chapters/x.md"].variants["zh"]
    recorded = Outline([Block("heading", "h1", label="标题", needle=Words("标题"))])
    remember(str(source.path), source.body, recorded)

    def convert(body):
        converted.append(body)
        return Outline()

    converted = []
    assert outline_of(source, convert) is recorded and converted == []
    assert recorded.blocks[0].line == 1
    changed = source.path.read_text("utf-8") + "\n更多。\n"
    source.path.write_text(changed, "utf-8")
    os.utime(source.path, ns=(0, source.path.stat().st_mtime_ns + 10**9))
    again = read_book(docs, ("zh", "en"))["chapters/x.md"].variants["zh"]
    assert outline_of(again, convert) is not recorded and converted == [again.body]


def test_status_shows_a_translated_string_as_a_warning_that_stops_a_strict_build(book):
    for lang, text in (("zh", "你好"), ("en", "hello")):
        page = book / f"docs/chapters/sft-to-rl.{lang}.md"
        code = f'\n```python\nprint("{text}")\n```\n'
        page.write_text(page.read_text("utf-8").replace("\n## ", code + "\n## ", 1), "utf-8")
    result = subprocess.run(
        [sys.executable, "hooks/book.py", "status"], cwd=book, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "chapters/sft-to-rl.md  yes  yes  1 warning(s)" in result.stdout
    assert (
        "Warnings (the build is strict: they stop it):\n"
        f'  {EN}:11: the string "hello" differs from "你好" at {ZH}:10; if it is translated on '
        "purpose, mark both fences { .strings-translated }.\n"
    ) in result.stdout


def test_a_build_that_fails_for_another_reason_publishes_nothing_either(book):
    # A quiz question's section missing from the English page stops the English build,
    # after the Chinese site has been written.
    en = book / EN
    en.write_text(en.read_text("utf-8").replace("{#school-analogy}", "{#analogy}"), "utf-8")
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode != 0 and "has no heading with the id 'school-analogy'" in (
        result.stderr
    )
    assert [p for p in (book / "site").rglob("*") if p.is_file()] == []
