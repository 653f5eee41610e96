"""The fixture book the tools are tested on (tests/fixtures/book/) keeps the real book's
configuration, so the tools are tested as the real book uses them; only its pages are its own."""

from __future__ import annotations

import yaml

from conftest import BOOK, ROOT


def _config(path) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    # !ENV and !!python/... tags: read as their arguments, the same on both sides.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: (suffix, repr(node.value)))
    Loader.add_multi_constructor(
        "tag:yaml.org,2002:python/", lambda loader, suffix, node: (suffix, repr(node.value))
    )
    config = yaml.load(path.read_text("utf-8"), Loader)
    # What depends on the pages: the nav, and its titles in the other languages.
    config.pop("nav", None)
    for language in config["plugins"][1]["i18n"]["languages"]:
        language.pop("nav_translations", None)
    return config


def test_the_fixture_book_has_the_real_books_configuration():
    assert _config(BOOK / "mkdocs.yml") == _config(ROOT / "mkdocs.yml")


def test_the_fixture_book_is_a_whole_book():
    docs = BOOK / "docs"
    for name in ("index.zh.md", "index.en.md", "glossary.yml", "quizzes/sft-to-rl.yml"):
        assert (docs / name).is_file(), name
    assert sorted(p.name for p in (docs / "chapters").glob("*.md")) == [
        "sft-to-rl.en.md",
        "sft-to-rl.zh.md",
    ]
