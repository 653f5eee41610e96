"""The box classes of every page written are kept across serve rebuilds (site_assets/boxes.py);
pages and our assets are minified (site_assets/minified.py)."""

from __future__ import annotations

from textbook.build_state import lives_across_builds
from textbook.site_assets.boxes import BoxClasses
from textbook.site_assets.minified import minify_ours, minify_page

NOTE = '<div class="admonition note"><p class="admonition-title">Note</p></div>'
WARNING = '<div class="admonition warning"><p class="admonition-title">!</p></div>'


def test_the_classes_used_are_every_pages_and_a_page_written_again_replaces_its_own():
    boxes = BoxClasses()
    boxes.record("site/a/index.html", NOTE)
    boxes.record("site/b/index.html", WARNING)
    assert {"note", "warning"} <= boxes.used()
    boxes.record("site/b/index.html", "<p>no box</p>")
    assert "warning" not in boxes.used() and "note" in boxes.used()


def test_the_box_classes_say_why_they_outlive_a_build():
    assert BoxClasses.lives_across_builds
    assert lives_across_builds("x")(type("C", (), {})).lives_across_builds == "x"


def test_a_page_keeps_its_closing_tags_and_comments():
    page = (
        "<html>\n  <head></head>\n  <body>\n    <p>a</p>\n    <!-- marker -->\n  </body>\n</html>"
    )
    minified = minify_page(page)
    assert "<!-- marker -->" in minified and "</p>" in minified and "</body>" in minified
    assert len(minified) < len(page)


def test_our_scripts_and_stylesheets_are_minified_where_the_site_has_them(tmp_path):
    ours, site = tmp_path / "overrides" / "assets", tmp_path / "site"
    for name, text in {"a.js": "var  a = 1;\n\n// c\n", "b.css": "p {\n  color: red;\n}\n"}.items():
        for folder in (ours, site / "assets"):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text)
    (ours / "c.js").write_text("var c = 1;\n")  # not in the site: nothing to write
    minify_ours(ours, site)
    assert (site / "assets" / "a.js").read_text() == "var a=1;"
    assert (site / "assets" / "b.css").read_text() == "p{color:red}"
    assert (ours / "a.js").read_text() == "var  a = 1;\n\n// c\n"
    assert not (site / "assets" / "c.js").exists()
