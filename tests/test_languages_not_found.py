"""Each language's 404 page is kept by the build's NotFoundPages and written side by side
(languages/not_found.py), where static-i18n would let the last language's overwrite them."""

from __future__ import annotations

from textbook.adapters.i18n import Language
from textbook.languages.not_found import NotFoundPages

ZH, EN = Language("zh", "中文", "", True), Language("en", "English", "en/", False)


def test_each_languages_404_is_written_under_its_prefix(tmp_path):
    pages = NotFoundPages()
    pages.by_language |= {"zh": "<html lang=zh>", "en": "<html lang=en>"}
    (tmp_path / "404.html").write_text("the last language's")
    pages.write(tmp_path, [ZH, EN])
    assert (tmp_path / "404.html").read_text("utf-8") == "<html lang=zh>"
    assert (tmp_path / "en" / "404.html").read_text("utf-8") == "<html lang=en>"


def test_a_language_not_built_writes_nothing(tmp_path):
    pages = NotFoundPages(by_language={"zh": "<html lang=zh>"})
    pages.write(tmp_path, [ZH, EN])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["404.html"]


def test_every_build_has_its_own():
    assert NotFoundPages().by_language is not NotFoundPages().by_language
