"""The CLI's path arguments and the files it rewrites: a clean one-line refusal or the right
file, never a traceback; a rewritten file keeps its byte-order mark, line ends and last
newline (or its absence)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from textbook.translation.stale.freshness import blob_id

EN = "docs/chapters/sft-to-rl.en.md"
ZH = "docs/chapters/sft-to-rl.zh.md"
SUCH_AS = "give a file under docs/, such as docs/chapters/x.en.md."


def _cli(book, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "hooks/book.py", *args], cwd=book, capture_output=True, text=True
    )


def test_a_page_written_from_docs_is_the_same_page(book):
    result = _cli(book, "reviewed", "chapters/sft-to-rl.en.md")
    assert result.returncode == 0, result.stderr
    value = blob_id((book / ZH).read_bytes())
    assert result.stdout == f"{EN}: reviewed against zh version {value}\n"
    assert f'translation_of: "{value}"' in (book / EN).read_text("utf-8")


@pytest.mark.parametrize("command", ["reviewed", "changes"])
@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("notes.md", "notes.md: not a page of the book; " + SUCH_AS),
        ("../elsewhere.en.md", "../elsewhere.en.md: not a page of the book; " + SUCH_AS),
        ("/tmp/x.en.md", "/tmp/x.en.md: not a page of the book; " + SUCH_AS),
        ("docs/chapters/none.en.md", "docs/chapters/none.en.md: no such page with a zh source"),
        ("chapters/none.md", "chapters/none.md: no such page with a zh source"),
        (
            "chapters/sft-to-rl.zh.md",
            "chapters/sft-to-rl.zh.md is the source; review its translations instead.",
        ),
    ],
)
def test_a_path_that_is_no_translation_is_refused_in_one_line(book, command, target, message):
    (book / "notes.md").write_text("# Notes\n", "utf-8")
    before = (book / EN).read_bytes()
    result = _cli(book, command, target)
    assert result.returncode == (2 if command == "reviewed" else 1)
    assert (result.stdout, result.stderr) == ("", message + "\n")
    assert (book / EN).read_bytes() == before


FORMS = {
    "LF": (b"", b"\n", True),
    "LF, no last newline": (b"", b"\n", False),
    "CRLF": (b"", b"\r\n", True),
    "BOM": (b"\xef\xbb\xbf", b"\n", True),
    "BOM, CRLF, no last newline": (b"\xef\xbb\xbf", b"\r\n", False),
}


def _saved(text: str, form: str) -> bytes:
    bom, newline, last = FORMS[form]
    text = text.rstrip("\n") + ("\n" if last else "")
    return bom + text.replace("\n", newline.decode()).encode("utf-8")


@pytest.mark.parametrize("form", sorted(FORMS))
def test_reviewed_changes_only_the_record(book, form):
    text = (book / EN).read_text("utf-8")
    (book / EN).write_bytes(_saved(text, form))
    old = text.split('translation_of: "', 1)[1].split('"', 1)[0]
    result = _cli(book, "reviewed", EN)
    assert result.returncode == 0, result.stderr
    new = blob_id((book / ZH).read_bytes())
    assert (book / EN).read_bytes() == _saved(text.replace(old, new), form)
    assert "STALE" not in _cli(book, "status").stdout


@pytest.mark.parametrize("form", sorted(FORMS))
def test_reviewed_adds_front_matter_in_the_file_s_own_form(book, form):
    text = (book / EN).read_text("utf-8").split("---\n", 2)[2].lstrip("\n")
    (book / EN).write_bytes(_saved(text, form))
    assert _cli(book, "reviewed", EN).returncode == 0
    value = blob_id((book / ZH).read_bytes())
    assert (book / EN).read_bytes() == _saved(
        f'---\ntranslation_of: "{value}"\n---\n\n' + text, form
    )


@pytest.mark.parametrize("form", sorted(FORMS))
def test_new_chapter_keeps_how_mkdocs_yml_and_the_home_pages_are_saved(book, form):
    files = ["mkdocs.yml", "docs/index.zh.md", "docs/index.en.md"]
    texts = {name: (book / name).read_text("utf-8") for name in files}
    for name in files:
        (book / name).write_bytes(_saved(texts[name], form))
    result = _cli(book, "new-chapter", "reward-models", "--zh", "奖励模型", "--en", "Reward Models")
    assert result.returncode == 0, result.stderr
    nav = texts["mkdocs.yml"].replace(
        "  - glossary.md\n", "  - glossary.md\n  - chapters/reward-models.md\n"
    )
    assert (book / "mkdocs.yml").read_bytes() == _saved(nav, form)
    for name, title in (("docs/index.zh.md", "奖励模型"), ("docs/index.en.md", "Reward Models")):
        data = (book / name).read_bytes()
        assert data.startswith(FORMS[form][0]) and data.endswith(FORMS[form][1]) == FORMS[form][2]
        assert f"[{title}](chapters/reward-models.md)".encode() in data
        assert (b"\r\n" in data) == (FORMS[form][1] == b"\r\n")
        assert data.count(b"\n") == _saved(texts[name], form).count(b"\n") + 1


def test_new_chapter_refuses_a_slug_the_nav_lists(book):
    config = book / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("  - glossary.md\n", "  - glossary.md\n  - chapters/rl.md\n"))
    line = config.read_text("utf-8").splitlines().index("  - chapters/rl.md") + 1
    result = _cli(book, "new-chapter", "rl", "--zh", "强化学习", "--en", "Reinforcement Learning")
    assert result.returncode == 2
    assert (result.stdout, result.stderr) == (
        "",
        f"mkdocs.yml:{line}: the nav already lists 'chapters/rl.md'; choose another slug, or "
        "remove that line first.\n",
    )
    assert not (book / "docs/chapters/rl.zh.md").exists()
