"""Material's palette stylesheet keeps the book's colours and both schemes, nothing else."""

from __future__ import annotations

import gzip

import pytest

from textbook.site_assets.palette import palette_colours, prune_palette

CSS = (
    "[data-md-color-scheme=slate]{--md-hue:232}"
    "[data-md-color-primary=red]{--md-primary-fg-color:#ef5552}"
    "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"
    "[data-md-color-accent=red],[data-md-color-accent=indigo]{--md-accent-fg-color:#526cfe}"
    "@media screen and (max-width:76.2344em){[data-md-color-primary=red] .md-nav{color:red}"
    "[data-md-color-primary=indigo] .md-nav{color:blue}}"
    "@media print{[data-md-color-primary=red]{color:red}}"
)


def test_prune_keeps_the_books_colours_and_rules_without_colour():
    assert prune_palette(CSS, {"indigo"}) == (
        "[data-md-color-scheme=slate]{--md-hue:232}"
        "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"
        "[data-md-color-accent=indigo]{--md-accent-fg-color:#526cfe}"
        "@media screen and (max-width:76.2344em)"
        "{[data-md-color-primary=indigo] .md-nav{color:blue}}"
    )


@pytest.mark.parametrize(
    ("palette", "colours"),
    [
        (None, {"indigo"}),
        ({"primary": "Deep Purple"}, {"indigo", "deep-purple"}),
        ([{"scheme": "slate", "primary": "teal", "accent": "lime"}], {"indigo", "teal", "lime"}),
    ],
)
def test_palette_colours_from_the_theme(palette, colours):
    assert palette_colours(palette) == colours


def test_built_palette_holds_indigo_and_the_dark_scheme_under_1_kib_gzip(site):
    [path] = (site.dir / "assets" / "stylesheets").glob("palette.*.min.css")
    css = path.read_text("utf-8")
    assert "[data-md-color-scheme=slate]" in css
    assert "[data-md-color-primary=indigo]" in css
    assert "data-md-color-primary=red" not in css
    assert len(gzip.compress(css.encode(), 6)) < 1024


@pytest.mark.parametrize(("scheme", "dark"), [("light", False), ("dark", True)])
def test_both_schemes_keep_their_colours(visit, scheme, dark):
    page, _ = visit(color_scheme=scheme)
    page.goto("en/")
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    body = page.locator("body").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(64, 81, 181)"  # indigo
    channels = [int(c) for c in body.removeprefix("rgb(").rstrip(")").split(",")[:3]]
    assert (max(channels) < 80) if dark else (min(channels) > 240)
