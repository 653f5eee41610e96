"""The built HTML behind the nav marks and the progress page, in both languages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import build_site

PROGRESS = {"zh": "progress/", "en": "en/progress/"}
CHAPTER = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_tells_the_nav_marks_which_link_is_which_quiz(site, lang):
    directories = [p for p in site.pages() if p == "" or p.endswith("/")]
    pages = [p for p in directories if p.startswith("en/") == (lang == "en")]
    assert len(pages) >= 3
    for path in pages:
        script = site.html(path).select_one("script[data-quiz-nav]")
        assert script["src"].endswith("assets/javascripts/nav-marks.js"), path
        assert json.loads(script["data-quiz-nav"])["q"] == {CHAPTER[lang]: ["sft-to-rl", 6]}, path


def test_the_nav_marks_speak_the_pages_language(site):
    zh = json.loads(site.html("").select_one("script[data-quiz-nav]")["data-quiz-nav"])
    en = json.loads(site.html("en/").select_one("script[data-quiz-nav]")["data-quiz-nav"])
    assert zh["s"][2] == "测验已完成，答对 {correct} / {total} 题"
    assert en["s"][2] == "quiz complete: {correct} of {total} right"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_progress_page_holds_every_question_in_its_language(site, lang):
    html = site.html(PROGRESS[lang])
    assert html.select_one("script[src$='progress-page.js']") is not None
    assert html.select_one("link[href$='progress-page.css']") is not None
    chapters = html.select(".quiz-progress__chapter")
    assert [c["data-quiz"] for c in chapters] == ["sft-to-rl"]
    # The questions are the chapter's own, kept in an inert <template>.
    # (BeautifulSoup keeps a template's text apart: parse its content on its own.)
    bank = BeautifulSoup(chapters[0].select_one("template").decode_contents(), "lxml")
    chapter_quiz = site.html(CHAPTER[lang]).select_one("section.quiz")

    def questions(node):
        return [
            (
                f["data-question"],
                f["data-version"],
                f.select_one(".quiz__legend").get_text(" ", strip=True),
            )
            for f in node.select("form.quiz__question")
        ]

    assert questions(bank) == questions(chapter_quiz)


def test_the_progress_page_is_in_the_nav_and_linked_from_home(site):
    for home, title in (("", "学习进度"), ("en/", "Your progress")):
        html = site.html(home)
        nav = [a.get_text(strip=True) for a in html.select("nav.md-nav--primary a.md-nav__link")]
        assert title in nav
        assert html.select_one("article a[href='progress/']") is not None


@pytest.mark.parametrize("path", ["", "en/"])
def test_pages_without_a_quiz_load_only_the_nav_marks(site, path):
    html = site.html(path)
    ours = [
        tag.get("src") or tag.get("href")
        for tag in html.select("script[src], link[rel=stylesheet]")
        if "assets/javascripts/" in (tag.get("src") or "")
        or "assets/stylesheets/" in (tag.get("href") or "")
    ]
    assert [u for u in ours if "quiz" in u or "progress" in u] == []
    assert sum("nav-marks.js" in u for u in ours) == 1


def test_a_new_chapter_joins_the_nav_marks_and_the_progress_page(book):
    command = [sys.executable, "hooks/book.py", "new-chapter", "rewards", "--zh", "奖励"]
    subprocess.run([*command, "--en", "Rewards"], cwd=book, check=True, capture_output=True)
    assert build_site(book, book / "site", "http://127.0.0.1/book/").returncode == 0
    for prefix, title in (("", "奖励"), ("en/", "Rewards")):
        html = BeautifulSoup((book / "site" / prefix / "progress/index.html").read_text(), "lxml")
        chapters = html.select(".quiz-progress__chapter")
        assert [c["data-quiz"] for c in chapters] == ["sft-to-rl", "rewards"]
        assert chapters[1].select_one(".quiz-progress__title").get_text() == title
        marks = json.loads(html.select_one("script[data-quiz-nav]")["data-quiz-nav"])["q"]
        assert marks[f"{prefix}chapters/rewards/"] == ["rewards", 1]


def test_a_page_lists_only_the_chapters_its_pruned_nav_links_to(book):
    for slug, zh, en in (("rewards", "奖励", "Rewards"), ("policy", "策略", "Policy")):
        command = [sys.executable, "hooks/book.py", "new-chapter", slug, "--zh", zh, "--en", en]
        subprocess.run(command, cwd=book, check=True, capture_output=True)
    config = (book / "mkdocs.yml").read_text("utf-8")
    nav = config[config.index("nav:\n") : config.index("\ntheme:")]
    parts = (
        "nav:\n  - index.md\n  - progress.md\n"
        "  - 第一部分:\n    - chapters/sft-to-rl.md\n    - chapters/rewards.md\n"
        "  - 第二部分:\n    - chapters/policy.md\n  - glossary.md\n"
    )
    config = config.replace(nav, parts).replace(
        "          site_name: How Large Language Models Are Trained\n",
        "          site_name: How Large Language Models Are Trained\n"
        "          nav_translations: {第一部分: Part 1, 第二部分: Part 2}\n",
    )
    (book / "mkdocs.yml").write_text(config, "utf-8")
    assert build_site(book, book / "site", "http://127.0.0.1/book/").returncode == 0

    def marks(path):
        html = BeautifulSoup((book / "site" / path / "index.html").read_text(), "lxml")
        script = html.select_one("script[data-quiz-nav]")
        links = {a["href"] for a in html.select("nav.md-nav--primary a.md-nav__link")}
        return script and json.loads(script["data-quiz-nav"])["q"], links

    part_1, links = marks("en/chapters/rewards")
    assert part_1 == {
        "en/chapters/sft-to-rl/": ["sft-to-rl", 6],
        "en/chapters/rewards/": ["rewards", 1],
    }
    assert "../policy/" in links  # Part 2's link leads to its first chapter: not marked
    assert marks("en/chapters/policy")[0] == {"en/chapters/policy/": ["policy", 1]}
    assert marks("progress")[0] is None  # both parts pruned: no chapter link, no script
