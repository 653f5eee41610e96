"""Material's main stylesheet keeps the icons of the features the book turns on, no others."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from types import SimpleNamespace

import material
import pytest

from theme_icons import ICONS, drop_icons, unused_icons

ICON = re.compile(r"(--md-[\w-]+-icon[\w-]*):")
CSS = (
    ':root{--md-tag-icon:url("data:image/svg+xml;charset=utf-8,<svg/>");'
    '--md-admonition-icon--note:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
    ".md-tag{-webkit-mask-image:var(--md-tag-icon)}"
    "@media print{:root{--md-version-icon:none;color:red!important}}"
)


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


def test_the_built_stylesheet_lacks_only_the_unused_icons_and_weighs_less(site):
    [theirs] = (Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.css")
    [ours] = (site.dir / "assets" / "stylesheets").glob("main.*.min.css")
    assert ours.name == theirs.name
    before, after = theirs.read_text("utf-8"), ours.read_text("utf-8")
    dropped = set(ICON.findall(before)) - set(ICON.findall(after))
    assert dropped == {name for name in ICON.findall(before) if name.startswith(tuple(ICONS))}
    assert "--md-admonition-icon--abstract" in after  # the book's boxes keep theirs
    saved = len(gzip.compress(before.encode(), 6)) - len(gzip.compress(after.encode(), 6))
    assert saved > 1024
