"""Minify every page's HTML and our scripts and stylesheets in the built site (the
sources stay readable), and keep only what the book uses of Material's stylesheets: its
colours in the palette, the icons of the features it turns on in the main one."""

from __future__ import annotations

from pathlib import Path

import minify_html
import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import is_last_build
from textbook.adapters.material import main_stylesheet, palette_stylesheets
from textbook.build_state import lives_across_builds
from textbook.site_assets.css_rules import parse
from textbook.site_assets.icons import box_classes, drop_icons, unused_box_icons, unused_icons
from textbook.site_assets.palette import palette_colours, prune_palette

MINIFY = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


@lives_across_builds("under serve, a page a save did not touch is not written again")
class BoxClasses:
    """The box classes (note, warning...) of every page written, by output path: the icons
    of the others are dropped from Material's stylesheet."""

    def __init__(self) -> None:
        self.by_page: dict[str, set[str]] = {}

    def used(self) -> set[str]:
        return set().union(*self.by_page.values())


_boxes = BoxClasses()


@event_priority(-1000)  # last: every other hook has put its part into the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _boxes.by_page[page.file.abs_dest_path] = box_classes(output)
    # Material's templates indent everything: 1 KiB gzip of every page is whitespace.
    # Closing tags stay (livereload and the EPUB export look for them), and so do
    # comments, which some hooks leave as markers for later.
    return minify_html.minify(
        output, keep_closing_tags=True, keep_html_and_head_opening_tags=True, keep_comments=True
    )


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    # Theme assets are copied once per language build; minify after the last one.
    if not is_last_build(config):
        return
    # Every script and stylesheet of ours: the theme's own are minified already.
    ours = Path(config.theme.custom_dir) / "assets"
    for source in sorted(ours.rglob("*")):
        minify = MINIFY.get(source.suffix)
        path = Path(config.site_dir) / "assets" / source.relative_to(ours)
        if minify and path.exists():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
    colours = palette_colours(config.theme.get("palette"))
    for path in palette_stylesheets(config.site_dir):
        path.write_text(prune_palette(path.read_text(encoding="utf-8"), colours), encoding="utf-8")
    theirs = main_stylesheet(config)
    css = parse(theirs.read_text(encoding="utf-8"))  # parsed once, read twice
    unused = unused_icons(config) + unused_box_icons(css, _boxes.used())
    written = Path(config.site_dir) / "assets" / "stylesheets" / theirs.name
    written.write_text(drop_icons(css, unused), encoding="utf-8")
