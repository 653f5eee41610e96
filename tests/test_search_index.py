"""Each language has a search index of its own pages, and its pages read it."""

from __future__ import annotations

import json
import re

import pytest


def _index(site, prefix: str) -> dict:
    return json.loads((site.dir / prefix / "search" / "search_index.json").read_text("utf-8"))


def _words(index: dict) -> set[str]:
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    return set(re.split(index["config"]["separator"], text.lower()))


def test_chinese_index_holds_only_chinese_pages_segmented_into_words(site):
    index = _index(site, "")
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations == {"", "chapters/sft-to-rl/", "progress/"}
    words = _words(index)
    # jieba splits the text into words; lunr would otherwise see whole sentences.
    assert {"强化", "学习", "监督", "微调", "标注"} <= words
    assert "zh" in index["config"]["lang"]


def test_english_index_holds_only_english_pages(site):
    index = _index(site, "en")
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations == {"", "chapters/sft-to-rl/", "progress/"}  # relative to /en/
    assert index["config"]["lang"] == ["en"]
    assert {"supervised", "practice", "reinforcement"} <= _words(index)
    assert not any(re.search(r"[\u4e00-\u9fff]", doc["text"]) for doc in index["docs"])


@pytest.mark.parametrize("prefix", ["", "en"])
def test_no_stemmer_so_prefix_search_finds_inflected_words(site, prefix):
    # Material searches "supervised*"; lunr does not stem wildcard terms.
    assert "stemmer" not in _index(site, prefix)["config"]["pipeline"]


def test_english_pages_point_material_at_the_english_index(site):
    for path, base in [("en/", "../en/"), ("en/chapters/sft-to-rl/", "../../../en/")]:
        scripts = [s.get_text() for s in site.html(path).find_all("script")]
        assert any(f'c.base="{base}"' in s for s in scripts), path
    zh_scripts = [s.get_text() for s in site.html("chapters/sft-to-rl/").find_all("script")]
    assert not any("c.base=" in s for s in zh_scripts)
