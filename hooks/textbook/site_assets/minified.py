"""Minified pages and scripts and stylesheets of ours in the built site; the sources stay
readable."""

from __future__ import annotations

from pathlib import Path

import minify_html
import rcssmin
import rjsmin

MINIFY = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_page(html: str) -> str:
    """Material's templates indent everything: 1 KiB gzip of every page is whitespace.
    Closing tags stay (livereload and the EPUB export look for them), and so do comments,
    which some hooks leave as markers for later."""
    return minify_html.minify(
        html, keep_closing_tags=True, keep_html_and_head_opening_tags=True, keep_comments=True
    )


def minify_ours(ours: Path, site_dir: Path) -> None:
    """Every script and stylesheet of ours (`ours`: the theme's assets folder) as the site
    has it; the theme's own are minified already."""
    for source in sorted(ours.rglob("*")):
        minify = MINIFY.get(source.suffix)
        path = site_dir / "assets" / source.relative_to(ours)
        if minify and path.exists():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
