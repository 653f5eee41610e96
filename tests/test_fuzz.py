"""No input ends in a traceback: generated pages, quiz files and glossaries go through the
plain checking modules and give either a result or the project's own error (PluginError,
which MkDocs prints as one message). Fixed seed (derandomize) and a modest number of
examples, so the suite stays fast and a failure reproduces."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader
from mkdocs.exceptions import PluginError

from conftest import BOOK
from parity_helpers import MORE_EXTENSIONS, _config, status_of, write_pair
from textbook.glossary.load import load_glossary
from textbook.glossary.mark import GlossaryExtension, PageTerms
from textbook.glossary.page import glossary_markdown
from textbook.languages.ui_strings import load_strings
from textbook.numbering.book_numbers import LanguageNumbers
from textbook.numbering.extension import BookExtension
from textbook.quiz.load import load_quiz
from textbook.quiz.render import InlineMarkdown, render_quiz
from textbook.sources.blocks import unclosed_blocks
from textbook.sources.lines import locate
from textbook.sources.outline import Recorder
from textbook.sources.pages import front_matter
from textbook.translation.parity.rules import compare

ROOT = Path(__file__).resolve().parent.parent
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 60)),
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Pieces of the book's Markdown dialect, whole and broken, and a few awkward characters.
PIECES = [
    "# ", "## ", "### ", " {#a}", " {#fig-a}", "{: #p }", "\n", "\n\n", "    ", "\t", "\r\n",
    "\ufeff", "---\n", "title: x\n", "/// figure-caption | #fig-a\n", "/// table-caption | < #t\n",
    "///\n", "////\n", "```python\n", "```\n", "~~~\n", "x = 1\n", "!!! note\n",
    "??? example \"T\"\n",
    "???+ note\n", "=== \"A\"\n", "| a | b |\n", "| --- | --- |\n", "|   | b |\n", "$$\n", "$x$",
    "\\label{eq-a}\n", "\\begin{cases}", "[^a]", "[^a]: note\n", "[](#fig-a)", "[](#a)",
    "[](other.md#b)", "![x](img/a.svg)", "<div markdown>\n", "</div>\n", "<details>", "<!--",
    "-->", "<u>", "</u>", "- ", "1. ", "> ", "Term\n:   Def\n", '{{ quiz("x") }}\n', "{{", "中文，",
    "text ", "*", "_", "`", "\\", "<", "&", "\x00",
]  # fmt: skip
pages = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join)


class _Files:
    def get_file_from_path(self, path):
        return None


@pytest.fixture(scope="module")
def convert():
    """The book's own Markdown, with the parity recorder and the textbook extension."""
    config = _config(str(BOOK / "docs"), MORE_EXTENSIONS)
    recorder, book = Recorder(with_text=True), BookExtension()
    extensions = [
        e for e in config.markdown_extensions if not isinstance(e, Recorder | BookExtension)
    ]
    md = markdown.Markdown(
        extensions=[*extensions, recorder, book], extension_configs=config.mdx_configs
    )

    def run(text: str):
        body, _ = front_matter(text, "x.md")
        book.start_build()
        book.start_page(
            name="x.md", src_uri="chapters/x.md", source=text, files=_Files(), locale="en"
        )
        md.reset().convert(body)
        outline = recorder.take()
        locate(outline, body, 1)
        return body, outline, book.problems

    return run


@FUZZ
@given(text=pages)
def test_any_page_gives_messages_not_a_traceback(convert, text):
    try:
        body, outline, problems = convert(text)
    except PluginError:  # a front matter the author must fix: a message
        return
    unclosed_blocks(body, "x.md")
    assert all(isinstance(p, str) and p.startswith("x.md") for p in problems)
    partner_body, partner, _ = convert("# 标题 {#a}\n\n正文。\n\n| a | b |\n| - | - |\n| 1 | 2 |\n")
    side = SimpleNamespace(name="x.zh.md", text=partner_body)
    other = SimpleNamespace(name="x.en.md", text=body)
    for finding in compare(side, other, partner, outline, locales=("zh", "en"), same_page=[]):
        assert finding.message.startswith("x.en.md")


# -----------------------------------------------------------------------------
# Quiz files and the glossary
# -----------------------------------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from(
        ["", " ", "x", "中文", "single", "multiple", "true_false", "short", "a-b", "[](#fig-a)"]
    )
)
KEYS = st.sampled_from(
    ["questions", "terms", "id", "type", "question", "options", "text", "correct",
     "explanation", "hint", "section", "answer", "accept", "numbers", "texts", "tolerance",
     "pin_order", "explain_true", "explain_false", "zh", "en", "fr", "variants", "definition"]
)  # fmt: skip
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=30,
)
TEMPLATES = Environment(loader=FileSystemLoader(ROOT / "overrides"))
UI = load_strings(("zh", "en"))
QUIZ_MARKDOWN = InlineMarkdown(SimpleNamespace(markdown_extensions=["attr_list"], mdx_configs={}))
VALID_QUIZ = (BOOK / "docs" / "quizzes" / "sft-to-rl.yml").read_text("utf-8")
VALID_GLOSSARY = (BOOK / "docs" / "glossary.yml").read_text("utf-8")
CHAPTERS = {
    lang: (BOOK / "docs" / "chapters" / f"sft-to-rl.{lang}.md").read_text("utf-8")
    for lang in ("zh", "en")
}


def _mutated(valid: str):
    """The book's own file with some lines dropped, doubled or cut short."""
    lines = valid.split("\n")

    def mutate(edits):
        out = list(lines)
        for kind, at in edits:
            at %= len(out)
            if kind == 0:
                del out[at]
            elif kind == 1:
                out.insert(at, out[at])
            else:
                out[at] = out[at][: len(out[at]) // 2]
        return "\n".join(out)

    return st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10_000)), max_size=4).map(mutate)


def _replaced(valid: str):
    """The book's own file with a few values (a text, a list, a mapping) replaced by others:
    an empty text, a number, nothing, a list where a text goes..."""
    data = yaml.safe_load(valid)
    places = list(_places(data, ()))

    def replace(edits):
        copy = yaml.safe_load(valid)
        for index, value in edits:
            *parents, last = places[index]
            node = copy
            try:
                for key in parents:
                    node = node[key]
                node[last] = value
            except (KeyError, IndexError, TypeError):  # an earlier edit replaced a parent
                continue
        return yaml.safe_dump(copy, allow_unicode=True)

    # Empty values first: a form, a text or a list left empty is the usual mistake.
    values = st.sampled_from(["", " ", None, [], {}]) | SCALARS | DATA
    where = st.sampled_from(range(len(places)))
    return st.lists(st.tuples(where, values), min_size=1, max_size=3).map(replace)


def _places(node, path):
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        yield (*path, key)
        if isinstance(value, dict | list) and value:
            yield from _places(value, (*path, key))


def _texts(valid: str):
    dumped = DATA.map(lambda data: yaml.safe_dump(data, allow_unicode=True))
    return _replaced(valid) | dumped | _mutated(valid) | st.text(max_size=60)


@FUZZ
@given(text=_texts(VALID_QUIZ))
def test_any_quiz_file_gives_a_quiz_or_a_message(tmp_path, text):
    path = tmp_path / "x.yml"
    path.write_text(text, "utf-8", errors="surrogatepass")
    try:
        quiz = load_quiz(path, ("zh", "en"), shown_as="x.yml")
    except PluginError as err:
        assert str(err).startswith("x.yml")
        return
    # A quiz that loads renders in every language, with the chapter's Markdown.
    for lang in ("zh", "en"):
        ui = {key: value[lang] for key, value in UI.items()}
        html = render_quiz(quiz, lang, env=TEMPLATES, md=QUIZ_MARKDOWN, ui=ui)
        LanguageNumbers({}, {}, {"ref": {}}, {}).fill_links(html, "chapters/x.md")


@FUZZ
@given(text=_texts(VALID_GLOSSARY))
def test_any_glossary_gives_a_glossary_or_a_message(tmp_path, text):
    path = tmp_path / "glossary.yml"
    path.write_text(text, "utf-8", errors="surrogatepass")
    try:
        glossary = load_glossary(path, ("zh", "en"), shown_as="glossary.yml")
    except PluginError as err:
        assert str(err).startswith("glossary.yml")
        return
    # A glossary that loads marks a chapter and lists its terms without a traceback.
    extension = GlossaryExtension(glossary)
    md = markdown.Markdown(extensions=["toc", "attr_list", extension])
    for lang, chapter in CHAPTERS.items():
        extension.page = PageTerms(lang, "../glossary.md")
        md.reset().convert(chapter)
        glossary_markdown(glossary, lang, tuple(code for code in CHAPTERS if code != lang))


@FUZZ
@given(text=pages)
def test_any_translation_gives_the_book_check_messages_not_a_traceback(tmp_path, text):
    """A whole book's check (book_check.check_book): front matter, freshness, blocks left
    open, pairing, rules and the glossary's term check, on a page against a real one."""
    docs = tmp_path / "docs"
    write_pair(docs, CHAPTERS["zh"], text)
    (docs / "glossary.yml").write_text(VALID_GLOSSARY, "utf-8")
    try:
        status = status_of(docs, MORE_EXTENSIONS)
    except PluginError as err:  # a file the author must fix first (its front matter)
        assert str(err).startswith("docs/chapters/x.en.md")
        return
    for message in status.problems + status.warnings:
        assert message.startswith("docs/chapters/x.en.md"), message
