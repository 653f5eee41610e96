"""Translation integrity inside the build, so `mkdocs build` and `mkdocs serve` show it.

Missing or mismatched pages stop the build before anything is written. A stale
translation is logged (it does not fail --strict) and its readers see a notice
linking to the up-to-date version.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from book_check import check_book
from book_pages import page_key
from languages import is_first_build, language_codes

log = logging.getLogger("mkdocs.hooks.parity")

# Stale translations: (page key, locale) -> the day their source changed.
_stale: dict[tuple[str, str], str] = {}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    # The first language's build checks the whole book; the others reuse it.
    if not is_first_build(config):
        return
    status = check_book(config)
    if status.problems:
        raise PluginError(
            "The languages of the book do not match:\n  " + "\n  ".join(status.problems)
        )
    _stale.clear()
    for page, locale, state in status.stale:
        name = page.page.variants[locale].name
        _stale[(page.page.key, locale)] = state.since
        if state.recorded is None:
            log.info(f"{name} has never been reviewed against its source.")
        else:
            log.info(f"{name} is stale: its source changed on {state.since} after its last review.")


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    key, locale = page_key(page.file.src_uri, language_codes(config))
    context["i18n_stale_since"] = _stale.get((key, locale))
    return context
