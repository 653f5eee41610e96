"""Material's main stylesheet keeps the icons the book draws: of the features it turns on,
of the boxes its pages use."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from bs4 import BeautifulSoup

from conftest import build_site
from textbook.site_assets.icons import (
    ICONS,
    box_classes,
    drop_icons,
    unused_box_icons,
    unused_icons,
)

ICON = re.compile(r"(--md-[\w-]+-icon[\w-]*):")
CSS = (
    ':root{--md-tag-icon:url("data:image/svg+xml;charset=utf-8,<svg/>");'
    '--md-admonition-icon--note:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
    ".md-tag{-webkit-mask-image:var(--md-tag-icon)}"
    "@media print{:root{--md-version-icon:none;color:red!important}}"
)
BOXES = (
    ".md-typeset .admonition-title:before{mask-image:var(--md-admonition-icon--note)}"
    ".md-typeset .note>.admonition-title:before{mask-image:var(--md-admonition-icon--note)}"
    ".md-typeset .tip>.admonition-title:before,.md-typeset .hint>summary:before"
    "{mask-image:var(--md-admonition-icon--tip)}"
    ".md-typeset .bug>.admonition-title:before{mask-image:var(--md-admonition-icon--bug)}"
)
MATERIAL_CSS = Path(material.__file__).parent / "templates/assets/stylesheets"


def _config(**changes):
    config = {
        "repo_url": None,
        "extra": {},
        "plugins": {"search": None, "i18n": None},
        "theme": {"features": ["navigation.prune"]},
        "extra_javascript": [],
    }
    return SimpleNamespace(**(config | changes))


def test_drop_icons_keeps_every_other_declaration_and_rule():
    assert drop_icons(CSS, ("--md-tag-icon", "--md-version-icon")) == (
        ':root{--md-admonition-icon--note:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
        ".md-tag{-webkit-mask-image:var(--md-tag-icon)}"
        "@media print{:root{color:red!important}}"
    )
    assert drop_icons(CSS, ()) == CSS


@pytest.mark.parametrize(
    ("changes", "drawn"),
    [
        ({"repo_url": "https://github.com/example/book"}, "--md-source-"),
        ({"extra": {"version": {"provider": "mike"}}}, "--md-version-icon"),
        ({"plugins": {"material/tags": None}}, "--md-tag-icon"),
        ({"plugins": {"blog": None}}, "--md-post-pin-icon"),
        ({"theme": {"features": ["navigation.path"]}}, "--md-path-icon"),
        ({"extra_javascript": ["js/tablesort.min.js"]}, "--md-typeset-table-sort-icon"),
    ],
)
def test_a_feature_turned_on_keeps_its_icons(changes, drawn):
    assert set(unused_icons(_config())) == set(ICONS)
    assert set(unused_icons(_config(**changes))) == set(ICONS) - {drawn}


def test_a_box_type_in_use_keeps_its_icon_and_the_fallback_always_stays():
    tip, bug = "--md-admonition-icon--tip", "--md-admonition-icon--bug"
    assert set(unused_box_icons(BOXES, set())) == {tip, bug}
    assert unused_box_icons(BOXES, {"hint", "quiz__answer"}) == (bug,)  # an alias of tip
    html = '<div class="admonition tip">…</div><details class="bug" open>…</details>'
    assert box_classes(html) == {"tip", "bug"}


def _built_boxes(site_dir: Path) -> set[str]:
    classes = set()
    for page in site_dir.rglob("*.html"):
        html = BeautifulSoup(page.read_text("utf-8"), "lxml")
        for box in html.select(".admonition, details"):
            classes |= set(box["class"]) - {"admonition"}
    return classes


def test_the_built_stylesheet_lacks_only_the_icons_never_drawn_and_weighs_less(site):
    [theirs] = MATERIAL_CSS.glob("main.*.css")
    [ours] = (site.dir / "assets" / "stylesheets").glob("main.*.min.css")
    assert ours.name == theirs.name
    before, after = theirs.read_text("utf-8"), ours.read_text("utf-8")
    used = _built_boxes(site.dir)
    assert {"abstract", "example"} <= used  # the chapter's boxes
    kept_boxes = {f"--md-admonition-icon--{kind}" for kind in used | {"note"}}
    expected = {
        name
        for name in ICON.findall(before)
        if name.startswith(tuple(ICONS))
        or (name.startswith("--md-admonition-icon--") and name not in kept_boxes)
    }
    assert set(ICON.findall(before)) - set(ICON.findall(after)) == expected
    saved = len(gzip.compress(before.encode(), 6)) - len(gzip.compress(after.encode(), 6))
    assert saved > 2048


def test_a_new_kind_of_box_brings_its_icon_back(book):
    for lang in ("zh", "en"):
        chapter = book / "docs" / "chapters" / f"sft-to-rl.{lang}.md"
        chapter.write_text(chapter.read_text("utf-8") + '\n!!! bug "Bug"\n\n    Bug.\n', "utf-8")
    assert build_site(book, book / "site", "http://127.0.0.1/book/").returncode == 0
    [ours] = (book / "site" / "assets" / "stylesheets").glob("main.*.min.css")
    css = ours.read_text("utf-8")
    assert "--md-admonition-icon--bug:" in css
    assert "--md-admonition-icon--quote:" not in css
