"""Images stored once for every language, under `fallback_to_default: false`.

static-i18n gives a file without a language suffix to the default language only,
so `img/pipeline.svg` is invisible to the English build. For pages that is
right (a missing translation must be an error); for images and other assets it
is not. This adds each unsuffixed asset to another language's build unless that
language has its own copy (`img/pipeline.en.svg`), at the default language's
address, so the file is written once and both languages link to it.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files


def add_shared_assets(files: Files, config: MkDocsConfig, locales: tuple[str, ...]) -> int:
    """Add the shared assets this language's files lack; return how many were added."""
    present = {getattr(file, "norm_src_uri", file.src_uri) for file in files}
    added = 0
    for file in get_files(config):
        if file.is_documentation_page() or _localization(file.src_uri, locales):
            continue
        if file.src_uri not in present and not file.inclusion.is_excluded():
            files.append(file)
            added += 1
    return added


def _localization(src_uri: str, locales: tuple[str, ...]) -> str | None:
    """'en' for 'img/pipeline.en.svg', None for 'img/pipeline.svg'."""
    suffixes = PurePosixPath(src_uri).suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in locales:
        return suffixes[-2][1:]
    return None
