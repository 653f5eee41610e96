"""Author mistakes that once passed silently: each stops the build (or `status`) with file,
line and the fix, no traceback and no page written. Each breaks a copy of the real book."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from test_quiz_build import EN, QUIZ, ZH, _edit
from textbook.sources.files import SourceError
from textbook.sources.pages import front_matter

EN_HOME = "docs/index.en.md"
UTF8 = (
    "{}:{}: this file is not saved as UTF-8 (GBK or GB18030?): its first byte that is not UTF-8 "
    "is on this line. Save it as UTF-8 in your editor."
)


def _build_error(book: Path) -> str:
    """The build's error message, whole; the build must have stopped before writing a page."""
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert not list((book / "site").rglob("*.html")), "a failed build wrote pages"
    start = result.stderr.index("ERROR   -  ") + len("ERROR   -  ")
    return _problems(result.stderr[start:].rstrip())


def _problems(error: str) -> str:
    """The problems of the book's one report (book_report), a line each, without its header."""
    if not error.startswith("The build stopped on "):
        return error
    return "\n".join(line[2:] for line in error.split("\n")[1:] if line.startswith("  "))


def _cli(book: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "hooks/book.py", *args], cwd=book, capture_output=True, text=True
    )


def _save_as(path: Path, encoding: str) -> None:
    path.write_bytes(path.read_text("utf-8").encode(encoding))


# -----------------------------------------------------------------------------
# Quiz files
# -----------------------------------------------------------------------------


def test_a_quiz_key_written_twice(book):
    _edit(
        book / QUIZ,
        "    section: school-analogy\n",
        "    section: school-analogy\n    section: pipeline\n",
    )
    assert _build_error(book) == (
        "docs/quizzes/sft-to-rl.yml:7: the key 'section' is written twice (lines 6 and 7); "
        "YAML would silently keep only the second. Keep one of them."
    )


def test_a_quiz_saved_as_gb18030(book):
    _save_as(book / QUIZ, "gb18030")
    assert _build_error(book) == UTF8.format("docs/quizzes/sft-to-rl.yml", 8)


# -----------------------------------------------------------------------------
# Pages
# -----------------------------------------------------------------------------


def test_pages_saved_as_gbk_or_gb18030_are_all_named(book):
    _save_as(book / ZH, "gb18030")
    _save_as(book / "docs/index.zh.md", "gbk")
    expected = [UTF8.format(ZH, 2), UTF8.format("docs/index.zh.md", 2)]
    assert _build_error(book) == "\n".join(expected)
    status = _cli(book, "status")
    assert (status.returncode, status.stdout, status.stderr) == (1, "", "\n".join(expected) + "\n")


def test_a_page_saved_with_a_bom_and_windows_line_ends_reads_as_it_is(book):
    en = book / EN
    en.write_bytes(b"\xef\xbb\xbf" + en.read_bytes().replace(b"\n", b"\r\n"))
    status = _cli(book, "status")
    assert status.returncode == 0, status.stderr
    assert "STALE" not in status.stdout and "never reviewed" not in status.stdout


def test_broken_front_matter(book):
    _edit(book / EN, "description: Why", "description: [Why")
    assert _build_error(book) == (
        "docs/chapters/sft-to-rl.en.md:2: YAML syntax error in the front matter: the '[' on this "
        "line is never closed (did not find expected ',' or ']'). Close it, or put the whole "
        "value in quotes if it is text."
    )


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "---\ntitle: A\ntitle: B\n---\n\n# A\n",
            "x.md:3: the key 'title' is written twice in the front matter (lines 2 and 3); YAML "
            "would silently keep only the second. Keep one of them.",
        ),
        (
            "---\ntitle: A\n\n# A\n",
            "x.md:1: the front matter is never closed. End it with a line '---'.",
        ),
        (
            "---\n- title\n---\n\n# A\n",
            "x.md:2: the front matter (between the '---' lines) must be 'key: value' lines; found "
            "a list.",
        ),
        (
            "---\ntitle: A\n  b: 2\n---\n",
            "x.md:3: YAML syntax error in the front matter: mapping values are not allowed in this "
            "context. Check the indentation and quoting on this line and the one before it.",
        ),
    ],
)
def test_front_matter_mistakes(text, message):
    with pytest.raises(SourceError) as caught:
        front_matter(text, "x.md")
    assert str(caught.value) == message


def test_front_matter_as_mkdocs_reads_it():
    assert front_matter("---\ntitle: A\n---\n\n# A\n", "x.md") == ("# A\n", {"title": "A"})
    assert front_matter("# A\n\n---\n", "x.md") == ("# A\n\n---\n", {})


# -----------------------------------------------------------------------------
# mkdocs.yml, interface strings, templates
# -----------------------------------------------------------------------------


def test_mkdocs_yml_key_twice_and_a_page_twice_in_the_nav(book):
    _edit(book / "mkdocs.yml", "  - chapters/sft-to-rl.md\n", "  - chapters/sft-to-rl.md\n" * 2)
    _edit(book / "mkdocs.yml", "docs_dir: docs\n", "docs_dir: docs\nstrict: false\n")
    assert _build_error(book) == (
        "mkdocs.yml:10: the key 'strict' is written twice (lines 7 and 10); YAML would silently "
        "keep only the second. Keep one of them.\n"
        "mkdocs.yml:19: the nav lists 'chapters/sft-to-rl.md' twice (also on line 18); a page "
        "has one place in the nav. Remove one of the two entries."
    )


def test_an_interface_string_written_twice(book):
    _edit(book / "hooks/ui_strings.yml", "stale_title:\n", "stale_title:\n  zh: 过时\n")
    text = (book / "hooks/ui_strings.yml").read_text("utf-8")
    line = text[: text.index("stale_title:")].count("\n") + 2
    assert _build_error(book) == (
        f"hooks/ui_strings.yml:{line + 1}: the key 'zh' is written twice (lines {line} and "
        f"{line + 1}); YAML would silently keep only the second. Keep one of them."
    )


def test_interface_strings_saved_as_gbk(book):
    strings = book / "hooks/ui_strings.yml"
    strings.write_bytes("# 界面文字\n".encode("gbk") + strings.read_bytes())
    assert _build_error(book) == UTF8.format("hooks/ui_strings.yml", 1)


def test_templates_with_a_syntax_error_or_saved_as_gbk(book):
    notice = book / "overrides/partials/stale-notice.html"
    line = notice.read_text("utf-8").count("\n") + 1  # the line added below
    notice.write_text(notice.read_text("utf-8") + "{% if %}\n", "utf-8")
    quiz = book / "overrides/partials/quiz.html"
    quiz.write_bytes("{#- 测验 -#}\n".encode("gbk") + quiz.read_bytes())
    assert _build_error(book) == UTF8.format("overrides/partials/quiz.html", 1) + "\n" + (
        f"overrides/partials/stale-notice.html:{line}: template syntax error: Expected an "
        "expression, got 'end of statement block'."
    )


# -----------------------------------------------------------------------------
# Translations: never reviewed, and tools that edit them
# -----------------------------------------------------------------------------


def test_a_translation_never_reviewed_is_not_called_stale(book):
    _edit(book / EN, 'translation_of: "', 'other: "')
    status = _cli(book, "status")
    assert status.returncode == 0
    row = next(line for line in status.stdout.splitlines() if line.startswith("chapters/"))
    assert row.split()[4:7] == ["en", "never", "reviewed"]
    assert "STALE" not in status.stdout
    built = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert built.returncode == 0, built.stderr
    assert (
        "INFO    -  docs/chapters/sft-to-rl.en.md has never been reviewed against its source."
        in built.stderr.splitlines()
    )


def test_new_chapter_does_not_mark_a_stale_home_page_reviewed(book):
    # A reworded sentence: a change of the source, not of its structure.
    _edit(book / "docs/index.zh.md", "内容一一对应", "内容逐段对应")
    before = (book / EN_HOME).read_text("utf-8")
    recorded = next(line for line in before.splitlines() if line.startswith("translation_of:"))
    result = _cli(book, "new-chapter", "reward-models", "--zh", "奖励模型", "--en", "Reward Models")
    assert result.returncode == 0, result.stderr
    after = (book / EN_HOME).read_text("utf-8")
    assert "[Reward Models](chapters/reward-models.md)" in after
    assert recorded in after.splitlines()
    rows = {
        line.split()[0]: line.split()[1:6]
        for line in _cli(book, "status").stdout.split("\n\n")[0].splitlines()
    }
    assert rows["index.md"] == ["yes", "yes", "ok", "en", "STALE"]
    assert rows["chapters/reward-models.md"] == ["yes", "yes", "ok", "en", "never"]


# -----------------------------------------------------------------------------
# What a person sees and copies
# -----------------------------------------------------------------------------


def test_the_review_hint_works_copied_as_printed(book):
    (book / ".venv").symlink_to(ROOT / ".venv")
    _edit(book / ZH, "先回顾整条训练流水线。", "先回顾一下训练流水线。")
    status = _cli(book, "status")
    hints = status.stdout.split("after each review, run\n")[1].splitlines()
    assert hints == ["  .venv/bin/python hooks/book.py reviewed docs/chapters/sft-to-rl.en.md"]
    run = subprocess.run(hints[0], shell=True, cwd=book, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "STALE" not in _cli(book, "status").stdout


def test_a_quiet_build_prints_nothing(book, tmp_path):
    # As an author runs it: the venv itself turns Material's end-of-life notice off.
    result = subprocess.run(
        [str(ROOT / ".venv/bin/mkdocs"), "build", "-q", "-d", str(tmp_path / "site")],
        cwd=book,
        env={k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"},
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
