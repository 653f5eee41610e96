"""`mkdocs serve` keeps its first build's search index (search/serve_index.py); a build keeps
none."""

from __future__ import annotations

from textbook.search.serve_index import ServeIndex


def _site(tmp_path, text: str):
    site = tmp_path / text
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "pagefind.js").write_text(text)
    return site


def test_a_build_keeps_no_index(tmp_path):
    index = ServeIndex()
    index.start("build")
    index.keep(_site(tmp_path, "first"))
    assert index.folder is None and not index.restore(tmp_path / "second")
    index.close()


def test_serve_restores_its_first_index_until_it_shuts_down(tmp_path):
    index = ServeIndex()
    index.start("serve")
    try:
        assert not index.restore(tmp_path / "empty")  # nothing kept yet: index the site
        index.keep(_site(tmp_path, "first"))
        later = tmp_path / "later"
        assert index.restore(later)
        assert (later / "pagefind" / "pagefind.js").read_text() == "first"
    finally:
        index.close()
    assert not index.folder.parent.exists()
