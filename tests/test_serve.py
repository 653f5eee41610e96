"""`mkdocs serve` at book size: a save renders only what it touches, and nothing goes wrong.

Each test runs a real `mkdocs serve` subprocess on a copy of the book, edits a
file as an author does, and reads what the server then serves.
"""

from __future__ import annotations

import filecmp
import gzip
import re

import pytest
from bs4 import BeautifulSoup

from conftest import build_site
from pagefind_files import fragments
from textbook.sources.pages import read_book
from textbook.testing.mkdocs_server import MkDocsServer
from textbook.translation.stale.freshness import mark_reviewed

pytestmark = pytest.mark.serve

ZH, EN = "docs/chapters/sft-to-rl.zh.md", "docs/chapters/sft-to-rl.en.md"
PAGES = [
    "",
    "chapters/sft-to-rl/",
    "glossary/",
    "progress/",
    "en/",
    "en/chapters/sft-to-rl/",
    "en/glossary/",
    "en/progress/",
]


def _edit(text: str, mark: str) -> str:
    """The page with a few words added to its first paragraph: both languages keep the
    same blocks, as the parity check demands."""
    lines = text.split("\n")
    start = lines.index("---", 1) + 1 if lines[0] == "---" else 0
    for i in range(start, len(lines)):
        if lines[i] and lines[i][0] not in "#!|{<-/>` *[0123456789":
            lines[i] += f" {mark}"
            return "\n".join(lines)
    raise AssertionError("no paragraph to edit")


def _reviewed(book):
    """The copy with a fresh English chapter, so an edit of the Chinese one makes it stale."""
    page = read_book(book / "docs", ("zh", "en"))["chapters/sft-to-rl.md"]
    mark_reviewed(page.variants["en"].path, page.variants["zh"])
    return book


def _save(server: MkDocsServer, path, text: str) -> None:
    """Write a file and wait until the browsers are told to reload."""
    epoch = server.epoch()
    path.write_text(text, encoding="utf-8")
    server.wait_reload(epoch)


def _rendered_line(server: MkDocsServer, start: int) -> str:
    return server.wait_log(r"Rendered \d+ pages, reused \d+ unchanged ones\.", start=start)[0]


def _html(server: MkDocsServer, path: str) -> BeautifulSoup:
    return BeautifulSoup(server.get(path), "lxml")


def test_an_edit_renders_its_page_and_the_translation_it_makes_stale(book):
    zh = book / ZH
    with MkDocsServer(_reviewed(book)) as server:
        assert _rendered_line(server, 0) == "Rendered 8 pages, reused 0 unchanged ones."
        assert _html(server, "en/chapters/sft-to-rl/").select_one(".stale-notice") is None
        start = len(server.log())
        _save(server, zh, _edit(zh.read_text("utf-8"), "serve-edit-1"))
        assert _rendered_line(server, start) == "Rendered 2 pages, reused 6 unchanged ones."

        page = _html(server, "chapters/sft-to-rl/")
        assert "serve-edit-1" in page.select_one("article").get_text()
        english = _html(server, "en/chapters/sft-to-rl/")
        notice = english.select_one("article .stale-notice")
        assert notice is not None
        assert notice.select_one("a[hreflang=zh]") is not None
        switcher = {a["hreflang"]: a["href"] for a in page.select("a[hreflang]")}
        assert switcher["en"].endswith("en/chapters/sft-to-rl/")
        # The other pages, reused, still list the chapter in their nav.
        assert "chapters/sft-to-rl/" in str(_html(server, "").select_one("nav.md-nav--primary"))


def test_a_new_title_reaches_the_nav_of_every_page_in_its_language(book):
    zh = book / ZH
    with MkDocsServer(_reviewed(book)) as server:
        text = zh.read_text("utf-8")
        title = re.search(r"^# (.+)$", text, re.M)[1]
        start = len(server.log())
        # Still naming both terms it names: the glossary check reads titles too.
        _save(server, zh, text.replace(f"# {title}", "# 新的章节标题：监督微调与强化学习", 1))
        # Every Chinese page shows the nav; English pages keep theirs, except the stale one.
        assert _rendered_line(server, start) == "Rendered 5 pages, reused 3 unchanged ones."
        for path in ("", "chapters/sft-to-rl/"):
            nav = _html(server, path).select_one("nav.md-nav--primary").get_text()
            assert "新的章节标题" in nav and title not in nav, path
        assert "新的章节标题" not in _html(server, "en/").get_text()


def test_every_page_after_an_edit_is_what_a_full_rebuild_serves(book):
    """Two servers side by side: `mkdocs serve` and `mkdocs serve --clean` (every page rendered)."""
    files = [book / ZH, _reviewed(book) / EN, book / "docs" / "index.zh.md"]
    texts = [file.read_text("utf-8") for file in files]
    served = {}
    for clean in (False, True):
        with MkDocsServer(book, clean=clean) as server:
            _save(server, files[0], _edit(texts[0], "serve-edit-1"))
            _save(server, files[1], _edit(texts[1], "serve-edit-2"))
            # A new title on the home page: the chapter, reused until now, shows it in its nav.
            _save(server, files[2], re.sub(r"^# .+$", "# 新的书名", texts[2], count=1, flags=re.M))
            served[clean] = {path: _normalized(server, path) for path in [*PAGES, "404.html"]}
        for file, text in zip(files, texts, strict=True):
            file.write_text(text, encoding="utf-8")
    assert "新的书名" in served[False]["chapters/sft-to-rl/"]
    for path in [*PAGES, "404.html"]:
        assert served[False][path] == served[True][path], path


def _normalized(server: MkDocsServer, path: str) -> str:
    """The page without what differs between two servers: their port and livereload version."""
    html = server.get(path).replace(server.root, "http://server")
    return re.sub(r"livereload\(\d+, \d+\)", "livereload()", html)


def _broken_link(text: str) -> str:
    return text + "\n[link](missing.md)\n"


def _add_hook(book, name: str, source: str) -> None:
    """A hook of the test's own, listed after the serve hook in the book's mkdocs.yml."""
    (book / "hooks" / f"{name}.py").write_text(source, encoding="utf-8")
    config = book / "mkdocs.yml"
    text = config.read_text("utf-8")
    entry = "  - hooks/textbook/serve/hook.py\n"
    config.write_text(text.replace(entry, f"{entry}  - hooks/{name}.py\n"), encoding="utf-8")


# A hook that collects something from every page's render and shows a book-wide figure.
RECORDER = """
import logging

from textbook.serve import mode as serve_mode

log = logging.getLogger("mkdocs.hooks.recorder")
_paragraphs = {}

serve_mode.keep_page_state(
    lambda page: _paragraphs[page.file.src_uri],
    lambda page, count: _paragraphs.__setitem__(page.file.src_uri, count),
)


def on_files(files, config):
    _paragraphs.clear()


def on_page_content(html, page, config, files):
    _paragraphs[page.file.src_uri] = len(html)


def on_env(env, config, files):
    log.info(f"Recorded {len(_paragraphs)} pages.")
    serve_mode.depend_on_book("paragraphs", sorted(_paragraphs.items()))
"""


def test_a_hook_keeps_what_it_records_per_page_and_its_book_wide_figures_stay_right(book):
    _add_hook(book, "recorder", RECORDER)
    zh = book / ZH
    with MkDocsServer(_reviewed(book)) as server:
        start = len(server.log())
        _save(server, zh, _edit(zh.read_text("utf-8"), "serve-edit-1"))
        log = server.log(start)
        # Each language's collection is whole, though most pages were not rendered again.
        assert re.findall(r"Recorded (\d+) pages\.", log) == ["4", "4"]
        # A Chinese page's length changed: every Chinese page is rendered again (and the
        # English chapter, now stale).
        assert _rendered_line(server, start) == "Rendered 5 pages, reused 3 unchanged ones."


# A hook that finds a problem only once every page is read, from what it collected.
CHECKER = """
from mkdocs.exceptions import PluginError

_marked = set()


def on_files(files, config):
    _marked.clear()


def on_page_content(html, page, config, files):
    if "UNFINISHED" in html:
        _marked.add(page.file.src_path)


def on_env(env, config, files):
    if _marked:
        raise PluginError(f"unfinished pages: {', '.join(sorted(_marked))}")
"""


def test_a_problem_found_after_every_page_is_read_shows_until_it_is_fixed(book):
    _add_hook(book, "checker", CHECKER)
    zh, elsewhere = book / ZH, book / "docs" / "index.en.md"
    good = zh.read_text("utf-8")
    message = "unfinished pages: chapters/sft-to-rl.zh.md"
    with MkDocsServer(_reviewed(book)) as server:
        epoch = server.epoch()
        start = len(server.log())
        zh.write_text(good + "\nUNFINISHED\n", encoding="utf-8")
        server.wait_log(re.escape(message), start=start)
        start = len(server.log())
        elsewhere.write_text(_edit(elsewhere.read_text("utf-8"), "serve-edit-2"), "utf-8")
        server.wait_log(re.escape(message), start=start)
        start = len(server.log())
        zh.write_text(good, encoding="utf-8")
        server.wait_reload(epoch)
        assert message not in server.log(start)


def _directive(text: str) -> str:
    return text.replace('{{ quiz("sft-to-rl") }}', '{{ quiz("sft-to-r1") }}')


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        (
            {EN: lambda text: text.replace("\n## ", "\n### ", 1)},
            "The build stopped on 1 problem:",
        ),
        (
            {ZH: _directive, EN: _directive},
            "the page uses the quiz 'sft-to-r1', but docs/quizzes/sft-to-r1.yml does not exist.",
        ),
        (
            {"docs/quizzes/sft-to-rl.yml": lambda text: text.replace("    hint:", "    hnit:", 1)},
            "hnit: unknown key 'hnit'. Did you mean 'hint'?",
        ),
        (
            {ZH: _broken_link, EN: _broken_link},
            "contains a link 'missing.md', but the target 'chapters/missing.md' is not found among "
            "documentation files.",
        ),
    ],
    ids=["parity", "quiz-directive", "quiz-file", "broken-link"],
)
def test_an_error_shows_on_every_save_until_the_save_that_fixes_it(book, edits, message):
    good = {path: (book / path).read_text("utf-8") for path in edits}
    elsewhere = book / "docs" / "index.en.md"
    with MkDocsServer(_reviewed(book)) as server:
        # A failed build leaves the last good site, and requests wait for a good one.
        epoch = server.epoch()
        start = len(server.log())
        for path, edit in edits.items():
            (book / path).write_text(edit(good[path]), encoding="utf-8")
        server.wait_log(re.escape(message), start=start)
        # A save elsewhere does not hide it: nothing from a failed render was kept.
        start = len(server.log())
        elsewhere.write_text(_edit(elsewhere.read_text("utf-8"), "serve-edit-3"), "utf-8")
        server.wait_log(re.escape(message), start=start)
        server.wait_log("An error happened during the rebuild", start=start)
        start = len(server.log())
        for path, text in good.items():
            (book / path).write_text(text + "\n", encoding="utf-8")
        server.wait_reload(epoch)
        assert message not in server.log(start)
        assert _html(server, "chapters/sft-to-rl/").select("article fieldset")
        assert "serve-edit-3" in _html(server, "en/").get_text()


def test_mkdocs_build_is_unchanged_by_the_serve_hook(book, tmp_path):
    """The same book built with and without the serve hook: the same files, byte for byte."""
    url = "http://127.0.0.1:8000/book/"
    with_hook = build_site(book, tmp_path / "with", url)
    config = book / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  - hooks/textbook/serve/hook.py\n", ""), "utf-8"
    )
    without = build_site(book, tmp_path / "without", url)
    assert with_hook.returncode == 0 and without.returncode == 0, with_hook.stderr
    assert "Rendered" not in with_hook.stderr
    _assert_same_tree(tmp_path / "with", tmp_path / "without")


def _assert_same_tree(left, right) -> None:
    # Pagefind names its chunks by content hashes that vary from run to run (it indexes
    # in parallel): its index is compared by what it holds, every other file byte for byte.
    for lang in ("zh", "en"):
        pages = [
            sorted((p["url"], p["content"]) for p in fragments(d, lang)) for d in (left, right)
        ]
        assert pages[0] == pages[1]
    files = sorted(
        p.relative_to(left) for p in left.rglob("*") if p.is_file() and "pagefind" not in p.parts
    )
    assert files == sorted(
        p.relative_to(right) for p in right.rglob("*") if p.is_file() and "pagefind" not in p.parts
    )
    for rel in files:
        if rel.suffix == ".gz":  # gzip records the time it was written
            assert gzip.decompress((left / rel).read_bytes()) == gzip.decompress(
                (right / rel).read_bytes()
            )
        else:
            assert filecmp.cmp(left / rel, right / rel, shallow=False), rel
