"""Minify the quiz's scripts and stylesheets in the built site; the sources stay readable."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from languages import is_last_build

ASSETS = {
    "assets/javascripts/quiz.js": rjsmin.jsmin,
    "assets/stylesheets/quiz.css": rcssmin.cssmin,
    "assets/javascripts/nav-marks.js": rjsmin.jsmin,
    "assets/javascripts/progress-page.js": rjsmin.jsmin,
    "assets/stylesheets/progress-page.css": rcssmin.cssmin,
}


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    # Theme assets are copied once per language build; minify after the last one.
    if not is_last_build(config):
        return
    for rel, minify in ASSETS.items():
        path = Path(config.site_dir) / rel
        if path.exists():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
