"""The MkDocs internals the book relies on, in one place (MkDocs 1.6.x, the last 1.x).

The serve cache (serve/) replaces, while serving, four functions that
`mkdocs.commands.build.build()` looks up by name on every call, and restores what
`Page.render()` leaves on a page; the sources read front matter as MkDocs does.
tests/test_adapters.py fails when one of these changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import mkdocs.commands.build as _build
from mkdocs import utils
from mkdocs.structure.files import Files
from mkdocs.utils.meta import YAML_RE, get_data

# What Page.render() and Page.read_source() leave on a Page.
RENDERED = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids")

# The functions build() calls by name, by the name the serve cache knows them by.
BUILD_STEPS: dict[str, tuple[object, str]] = {
    "_populate_page": (_build, "_populate_page"),  # read a page, run its events, render it
    "_build_page": (_build, "_build_page"),  # render its template and write the HTML
    "clean_directory": (utils, "clean_directory"),  # empty the site folder first
    "add_files_from_theme": (Files, "add_files_from_theme"),  # list the theme's files
}


def replace_build_steps(replacements: dict[str, Callable]) -> dict[str, Callable]:
    """Put each replacement in place of MkDocs' function of that name; return MkDocs' own."""
    originals = {}
    for name, replacement in replacements.items():
        owner, attribute = BUILD_STEPS[name]
        originals[name] = getattr(owner, attribute)
        setattr(owner, attribute, replacement)
    return originals


def restore_build_steps(originals: dict[str, Callable]) -> None:
    for name, original in originals.items():
        owner, attribute = BUILD_STEPS[name]
        setattr(owner, attribute, original)


def forget_logged_messages() -> None:
    """MkDocs' command line logs a build message only the first time (a DuplicateFilter on
    the build's logger): a save that fails as the last one did would show no reason."""
    for log_filter in _build.log.filters:
        if isinstance(log_filter, utils.DuplicateFilter):
            log_filter.msgs.clear()


def write_file(content: bytes, path: str) -> None:
    utils.write_file(content, path)


def hook_folders(config) -> set[str]:
    """The folders of the hook files mkdocs.yml lists (config.hooks: name -> module)."""
    return {os.path.dirname(module.__file__) for module in config.hooks.values()}


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(the YAML between a page's opening `---` lines, the text after them), as MkDocs
    finds them; None when MkDocs sees no YAML front matter."""
    match = YAML_RE.match(text)
    return (match.group(1), text[match.end() :]) if match else None


def meta_lines(text: str) -> tuple[str, dict]:
    """(body, meta) of a page without YAML front matter, as MkDocs reads it (MultiMarkdown
    meta lines, or none)."""
    return get_data(text)
