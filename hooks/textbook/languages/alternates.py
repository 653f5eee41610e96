"""Each page's other-language versions: hreflang links (absolute, with an x-default) and the
language switcher's paths, which static-i18n leaves relative and without an x-default."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import alternates, current_language, languages
from textbook.adapters.material import NOT_FOUND_TEMPLATE, set_alternate_links


def page_paths(page: Page, config: MkDocsConfig) -> dict[str, str]:
    """Each language's version of the page, site-relative ('' for the home page); a
    language without one keeps its home page."""
    paths = {lang.locale: lang.prefix for lang in languages(config)}
    for locale, alt in alternates(page.file).items():
        paths[locale] = "" if alt.url == "./" else alt.url
    return paths


def not_found_paths(config: MkDocsConfig) -> dict[str, str]:
    """Each language's 404 page."""
    return {lang.locale: lang.prefix + NOT_FOUND_TEMPLATE for lang in languages(config)}


def set_alternates(context: dict, config: MkDocsConfig, paths: dict[str, str]) -> None:
    """Absolute URLs for <link hreflang>, site-relative paths for the switcher."""
    site_url = config.site_url or "/"
    links = [
        {
            "name": lang.name,
            "lang": lang.locale,
            "link": site_url + paths[lang.locale],
            "path": paths[lang.locale] or "./",
            "current": lang.locale == current_language(config),
        }
        for lang in languages(config)
        if lang.locale in paths
    ]
    set_alternate_links(config, links)
    context["i18n_alternates"] = links
    context["i18n_x_default"] = links[0]["link"]


def is_home(page: Page, config: MkDocsConfig) -> bool:
    """The page is its language's home page."""
    prefix = next(
        lang.prefix for lang in languages(config) if lang.locale == current_language(config)
    )
    return page.file.dest_uri == prefix + "index.html"
