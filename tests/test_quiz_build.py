"""Quiz mistakes stop `mkdocs build` with one clear line, no traceback and no site."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import build_site


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _fails_with(book: Path, *messages: str) -> None:
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    # The book's one report (book_report): its problems, a line each, without its header.
    report = result.stderr.split("ERROR   -  The build stopped on ", 1)[1].split("\n")[1:]
    errors = [line[2:] for line in report if line.startswith("  ")]
    assert errors == list(messages)
    assert not list((book / "site").rglob("*.html")), "a failed build wrote pages"


ZH = "docs/chapters/sft-to-rl.zh.md"
EN = "docs/chapters/sft-to-rl.en.md"
QUIZ = "docs/quizzes/sft-to-rl.yml"


def test_the_real_book_builds(book):
    assert build_site(book, book / "site", "http://127.0.0.1/book/").returncode == 0


def test_a_page_naming_a_missing_quiz(book):
    for page in (EN, ZH):
        _edit(book / page, '{{ quiz("sft-to-rl") }}', '{{ quiz("sft-to-lr") }}')
    # Both languages in one run, and the quiz file no page uses now.
    _fails_with(
        book,
        *[
            f"docs/chapters/sft-to-rl.{lang}.md:{line}: the page uses the quiz 'sft-to-lr', but "
            "docs/quizzes/sft-to-lr.yml does not exist. Create it, or use one of the existing "
            "quizzes: sft-to-rl."
            for lang, line in (("en", 94), ("zh", 93))
        ],
        'docs/quizzes/sft-to-rl.yml: no page uses this quiz. Add {{ quiz("sft-to-rl") }} to its '
        "chapter in every language, or delete the file.",
    )


def test_a_quiz_no_page_uses(book):
    shutil.copy(book / QUIZ, book / "docs/quizzes/orphan.yml")
    _fails_with(
        book,
        'docs/quizzes/orphan.yml: no page uses this quiz. Add {{ quiz("orphan") }} to its '
        "chapter in every language, or delete the file.",
    )


def test_a_malformed_directive(book):
    for page in (EN, ZH):
        _edit(book / page, '{{ quiz("sft-to-rl") }}', "{{ quiz(sft-to-rl) }}")
    _fails_with(
        book,
        *[
            f"docs/chapters/sft-to-rl.{lang}.md:{line}: cannot read the quiz directive "
            "'{{ quiz(sft-to-rl) }}'. Write it alone on its line, not indented, as "
            '{{ quiz("quiz-id") }}.'
            for lang, line in (("en", 94), ("zh", 93))
        ],
        'docs/quizzes/sft-to-rl.yml: no page uses this quiz. Add {{ quiz("sft-to-rl") }} to its '
        "chapter in every language, or delete the file.",
    )


def test_a_section_the_page_does_not_have(book):
    _edit(book / QUIZ, "section: pipeline", "section: pipe-line")
    _fails_with(
        book,
        *[
            "docs/quizzes/sft-to-rl.yml:42: question 'sft-same-algorithm' → section: the page "
            f"chapters/sft-to-rl.{lang}.md has no heading with the id 'pipe-line'. Give the "
            "heading an id, as in '## Title {#pipe-line}'."
            for lang in ("zh", "en")
        ],
    )


def test_a_broken_quiz_file(book):
    _edit(
        book / QUIZ, "    type: multiple\n", "    type: multiple\n    hnit: {zh: 提示, en: Hint}\n"
    )
    _fails_with(
        book,
        "docs/quizzes/sft-to-rl.yml:96: question 'two-purposes' → hnit: unknown key 'hnit'. "
        "Did you mean 'hint'? Expected one of: id, question, explanation, hint, section, type, "
        "options, pin_order.",
    )


def test_a_directive_inside_a_code_block_is_shown_not_run(book):
    example = '```markdown\n{{ quiz("not-a-quiz") }}\n{{ quiz(broken) }}\n```\n\n'
    for page in (EN, ZH):
        _edit(book / page, "## ", example + "## ")
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode == 0, result.stderr
    html = (book / "site/en/chapters/sft-to-rl/index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "lxml")
    code = soup.select_one("article pre code").get_text()
    assert '{{ quiz("not-a-quiz") }}' in code and "{{ quiz(broken) }}" in code
    assert len(soup.select("section.quiz")) == 1
