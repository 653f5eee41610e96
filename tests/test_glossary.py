"""The bilingual glossary: file errors, marked terms, the glossary pages, the term check."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import BOOK
from textbook.glossary.check import Side, check_terms
from textbook.glossary.load import GlossaryError, load_glossary

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
LANGS = ("zh", "en")
CHAPTER = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}
GLOSSARY = {"zh": "glossary/", "en": "en/glossary/"}

# -----------------------------------------------------------------------------
# The glossary file: every error message, from its own fixture
# -----------------------------------------------------------------------------

ERRORS = {
    "unknown-key": "unknown-key.yml:5: term 'token' → defintion: unknown key. Did you mean "
    "'definition'? Expected one of: id, zh, en, variants, definition.",
    "missing-language": "missing-language.yml:6: term 'token' → definition: no en text. Add "
    "'en: ...' under 'definition:'.",
    "unknown-language": "unknown-language.yml:5: term 'token' → definition: unknown language "
    "'fr'. Expected one of: zh, en.",
    "bad-id": "bad-id.yml:2: term 'Base Model' → id: expected lower-case letters, digits and "
    "hyphens (like 'base-model'); found 'Base Model'.",
    "duplicate-id": "duplicate-id.yml:6: term 'token' → id: duplicate; line 2 already uses it. "
    "Give each term its own id.",
    "duplicate-form": "duplicate-form.yml:7: term 'fine-tuning' → en: 'sft' is already a form "
    "of the term 'supervised-fine-tuning' (line 2). A form belongs to one term; merge the "
    "entries or remove it from one of them.",
    "duplicate-key": "duplicate-key.yml:6: the key 'en' is written twice (lines 4 and 6); YAML "
    "would silently keep only the second. Keep one of them.",
    "syntax": "syntax.yml:3: YAML syntax error: the '[' on this line is never closed (did not "
    "find expected ',' or ']'). Close it, or put the whole value in quotes if it is text.",
    "empty-variant": "empty-variant.yml:5: term 'token' → variants.zh.1: the text is empty "
    "(found ''); write it, or remove it from the list.",
    "blank-form": "blank-form.yml:4: term 'token' → en: the text is empty (found '  '); write it.",
    "empty-definition": "empty-definition.yml:7: term 'token' → definition.en: the text is "
    "empty (found nothing); write it.",
    "reference-in-definition": "reference-in-definition.yml:7: term 'token' → definition.en: a "
    "cross-reference ([](#fig-tokens)) cannot be numbered here, as the definition shows in "
    "every chapter; write it in words.",
    "not-utf8": "not-utf8.yml:3: this file is not saved as UTF-8 (GBK or GB18030?): its first "
    "byte that is not UTF-8 is on this line. Save it as UTF-8 in your editor.",
}


@pytest.mark.parametrize("fixture", sorted(ERRORS))
def test_each_glossary_error_names_file_line_and_fix(fixture):
    with pytest.raises(GlossaryError) as err:
        load_glossary(FIXTURES / f"{fixture}.yml", LANGS, shown_as=f"{fixture}.yml")
    assert str(err.value) == ERRORS[fixture]


def test_every_fixture_has_its_message():
    assert sorted(p.stem for p in FIXTURES.glob("*.yml")) == sorted(ERRORS)


def test_the_books_glossary_is_valid():
    glossary = load_glossary(BOOK / "docs" / "glossary.yml", LANGS)
    ids = [term.id for term in glossary.terms]
    for expected in ("pretraining", "supervised-fine-tuning", "reinforcement-learning", "token"):
        assert expected in ids


def test_a_term_translated_inconsistently_stops_the_build(book):
    """The chapter's last section names RL in Chinese; the English rewords it."""
    from conftest import build_site

    page = book / "docs" / "chapters" / "sft-to-rl.en.md"
    text = page.read_text("utf-8")
    sentence = "This leads us into the next chapter: reinforcement learning."
    assert sentence in text
    page.write_text(text.replace(sentence, "This leads us into the next chapter."), "utf-8")
    result = build_site(book, book / "site", "http://127.0.0.1:1/")
    assert result.returncode != 0
    assert (
        "docs/chapters/sft-to-rl.en.md:81: this block does not use 'reinforcement learning' "
        "(or a variant) where its partner docs/chapters/sft-to-rl.zh.md:80 uses '强化学习'. "
        "Translate the term consistently (docs/glossary.yml:50)."
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((book / "site").rglob("*.html"))


def test_a_term_dropped_from_a_footnote_is_reported(book):
    page = book / "docs" / "chapters" / "sft-to-rl.en.md"
    lines = page.read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("[^compute]:"))
    lines[at] = lines[at].replace("each token", "each piece of text").replace("one token", "one")
    page.write_text("\n".join(lines), "utf-8")
    status = subprocess.run(
        [sys.executable, "hooks/book.py", "status"], cwd=book, capture_output=True, text=True
    )
    assert (
        f"docs/chapters/sft-to-rl.en.md:{at + 1}: this block does not use 'token' (or a variant) "
        "where its partner docs/chapters/sft-to-rl.zh.md:76 uses 'token'. Translate the term "
        "consistently (docs/glossary.yml:59)."
    ) in status.stdout + status.stderr


def test_a_broken_glossary_stops_the_build(book):
    from conftest import build_site

    broken = (FIXTURES / "duplicate-id.yml").read_text("utf-8")
    (book / "docs" / "glossary.yml").write_text(broken, "utf-8")
    result = build_site(book, book / "site", "http://127.0.0.1:1/")
    assert result.returncode != 0
    assert "docs/glossary.yml:6: term 'token' → id: duplicate; line 2 already uses it." in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not list((book / "site").rglob("*.html"))


# -----------------------------------------------------------------------------
# Marked terms in the built chapter
# -----------------------------------------------------------------------------


def _sections(article):
    """The article's elements grouped by the heading they follow."""
    groups, current = [], []
    for element in article.find_all(True):
        if re.fullmatch(r"h[1-6]", element.name):
            groups.append(current)
            current = []
        elif element.name == "a" and "term" in (element.get("class") or []):
            current.append(element)
    return [*groups, current]


@pytest.mark.parametrize("lang", LANGS)
def test_a_terms_first_use_in_each_section_is_marked_once(site, lang):
    article = site.html(CHAPTER[lang]).select_one("article")
    sections = _sections(article)
    assert sum(len(s) for s in sections) >= 10
    for marked in sections:
        ids = [a["href"].rsplit("#", 1)[1] for a in marked]
        assert len(ids) == len(set(ids)), f"a term marked twice in one section: {ids}"


@pytest.mark.parametrize("lang", LANGS)
def test_terms_are_not_marked_in_headings_code_links_or_box_titles(site, lang):
    article = site.html(CHAPTER[lang]).select_one("article")
    assert article.select(":is(h1,h2,h3,h4,h5,h6,code,pre,.admonition-title) a.term") == []
    assert article.select("a a.term") == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_term_is_described_by_a_tip_in_the_other_language(site, lang):
    soup = site.html(CHAPTER[lang])
    other = "en" if lang == "zh" else "zh"
    terms = soup.select("article a.term")
    for term in terms:
        tip = soup.find(id=term["aria-describedby"])
        assert tip is not None and tip.find_parent(class_="term-tips").has_attr("hidden")
        assert tip.select_one(f"[lang={other}]").get_text(strip=True)
        assert tip.select_one(".term-tips__definition").get_text(strip=True)
    reinforcement = soup.find(id="term-tip-reinforcement-learning")
    expected = {"zh": "reinforcement learning", "en": "强化学习"}[lang]
    assert reinforcement.select_one(f"[lang={other}]").get_text() == expected


@pytest.mark.parametrize("lang", LANGS)
def test_each_marked_term_links_to_its_glossary_entry(site, lang):
    entries = {dt["id"] for dt in site.html(GLOSSARY[lang]).select(".glossary dt[id]")}
    for term in site.html(CHAPTER[lang]).select("article a.term"):
        path, _, anchor = term["href"].partition("#")
        assert path == "../../glossary/"
        assert anchor in entries


# -----------------------------------------------------------------------------
# The glossary pages
# -----------------------------------------------------------------------------


def test_the_chinese_glossary_is_in_pinyin_order(site):
    names = [dt.get_text(strip=True) for dt in site.html(GLOSSARY["zh"]).select(".glossary dt")]
    # base, biāo, dà, hòu, jiān, liàn, lì, qiáng, token, yù, zhù
    assert names == [
        "base 模型",
        "标注员",
        "大语言模型",
        "后训练",
        "监督微调",
        "练习题",
        "例题详解",
        "强化学习",
        "token",
        "预训练",
        "助手",
    ]


def test_the_english_glossary_is_in_alphabetical_order(site):
    names = [dt.get_text(strip=True) for dt in site.html(GLOSSARY["en"]).select(".glossary dt")]
    assert names == sorted(names, key=str.casefold)
    assert len(names) == 11


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_entries_link_to_where_the_term_is_used(site, lang):
    soup = site.html(GLOSSARY[lang])
    entry = soup.find(id="term-labeler").find_next_sibling("dd")
    other = "en" if lang == "zh" else "zh"
    assert entry.select_one(f"[lang={other}]").get_text() == {"zh": "labeler", "en": "标注员"}[lang]
    links = entry.select(".glossary__uses a")
    assert len(links) == 1  # one link per chapter, at its first use there
    for link in soup.select(".glossary__uses a"):
        target = urlsplit(link["href"])
        page = site.html(str(Path(GLOSSARY[lang], target.path)).replace("\\", "/") + "/")
        assert page.select_one("article h1")
        if target.fragment:
            assert page.find(id=target.fragment), link["href"]


# -----------------------------------------------------------------------------
# The translation check: partner blocks use the same terms
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(BOOK / "docs" / "glossary.yml", LANGS, shown_as="docs/glossary.yml")


def _pair(zh: str, en: str):
    return Side("zh", zh, "x.zh.md:3"), Side("en", en, "x.en.md:4")


def test_consistent_terms_pass(glossary):
    pairs = [
        _pair("预训练之后是监督微调（SFT）。", "After pretraining comes supervised fine-tuning."),
        _pair("每个 token 的计算量有限。", "Each token gets finite compute."),
        _pair("这是强化学习（RL）。", "This is RL."),  # a variant counts
    ]
    assert check_terms(pairs, glossary) == []


def test_a_term_missing_in_the_translation_is_reported(glossary):
    pairs = [_pair("这就是强化学习。", "This is learning by practice.")]
    assert check_terms(pairs, glossary) == [
        "x.en.md:4: this block does not use 'reinforcement learning' (or a variant) where its "
        "partner x.zh.md:3 uses '强化学习'. Translate the term consistently "
        "(docs/glossary.yml:50)."
    ]


def test_swapped_terms_are_reported_both_ways(glossary):
    pairs = [_pair("先预训练，再做监督微调。", "First supervised fine-tuning, then post-training.")]
    assert check_terms(pairs, glossary) == [
        "x.en.md:4: this block does not use 'pretraining' (or a variant) where its partner "
        "x.zh.md:3 uses '预训练'. Translate the term consistently (docs/glossary.yml:18).",
        "x.zh.md:3: this block does not use '后训练' (or a variant) where its partner "
        "x.en.md:4 uses 'post-training'. Translate the term consistently (docs/glossary.yml:35).",
    ]
