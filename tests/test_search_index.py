"""Pagefind indexes each language apart, only the pages' own text, and nothing of Material's."""

from __future__ import annotations

import json

import pytest

from pagefind_files import entry, fragments

ZWSP = "\u200b"
PAGES = {
    "zh": {"/", "/chapters/sft-to-rl/", "/glossary/", "/progress/"},
    "en": {"/en/", "/en/chapters/sft-to-rl/", "/en/glossary/", "/en/progress/"},
}
TITLES = {
    "zh": {"大模型是怎样训练出来的", "从监督微调到强化学习", "术语表", "学习进度"},
    "en": {
        "How Large Language Models Are Trained",
        "From Supervised Fine-Tuning to Reinforcement Learning",
        "Glossary",
        "Your progress",
    },
}


def test_one_index_per_language(site):
    languages = entry(site.dir)["languages"]
    assert set(languages) == {"zh", "en"}
    assert {lang: info["page_count"] for lang, info in languages.items()} == {"zh": 4, "en": 4}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_index_holds_its_languages_pages_without_404(site, lang):
    pages = fragments(site.dir, lang)
    assert {page["url"] for page in pages} == PAGES[lang]
    assert {page["meta"]["title"] for page in pages} == TITLES[lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_index_holds_the_text_without_permalinks_or_quiz(site, lang):
    chapter = next(p for p in fragments(site.dir, lang) if "sft-to-rl" in p["url"])
    html = site.html(("en/" if lang == "en" else "") + "chapters/sft-to-rl/")
    content = chapter["content"].replace(ZWSP, "")
    first_paragraph = html.select_one("article > p").get_text("", strip=True)
    assert first_paragraph[:40].replace(" ", "") in content.replace(" ", "")
    assert "¶" not in content
    quiz = html.select_one("section.quiz")
    for part in quiz.select(".quiz__legend, .quiz__explanation"):
        assert part.get_text(" ", strip=True)[:30] not in content


def test_chinese_text_is_segmented_into_words(site):
    # Pagefind's extended build marks the word boundaries it found with U+200B.
    chapter = next(p for p in fragments(site.dir, "zh") if "sft-to-rl" in p["url"])
    words = set(chapter["content"].split(ZWSP))
    assert {"强化", "学习", "监督", "微调", "模型"} <= words


def test_pagefind_ships_only_what_the_worker_uses(site):
    names = {path.name for path in (site.dir / "pagefind").iterdir()}
    assert not {
        n for n in names if "-ui." in n or n in ("pagefind-worker.js", "pagefind-highlight.js")
    }
    assert "pagefind.js" in names


def test_materials_own_index_is_left_empty(site):
    # Material's search plugin keeps its box; Pagefind indexes, so lunr indexes nothing.
    index = json.loads((site.dir / "search" / "search_index.json").read_text("utf-8"))
    assert index["docs"] == []
    assert not (site.dir / "en" / "search" / "search_index.json").exists()
