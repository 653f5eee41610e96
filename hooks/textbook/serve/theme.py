"""The theme, read once per serve session rather than once per build: its static files and
its compiled templates (serve/cache.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from textbook.serve.keys import digest, stamps
from textbook.serve.state import ServeCache


def theme_files(cache: ServeCache, files: Files, env: jinja2.Environment, config: MkDocsConfig):
    """Add the theme's static files to `files`, as MkDocs' `Files.add_files_from_theme` does.

    MkDocs lists every file of every theme folder on each build (Material ships
    some 14,000 icons): a quarter of a rebuild. The list is kept while the
    theme folders and the files in the custom folder stay the same.
    """
    custom = config.theme.custom_dir
    key = digest(config.theme.dirs, config.theme.static_templates, custom and stamps(Path(custom)))
    if key not in cache.theme_files:
        found = Files([])
        cache.originals["add_files_from_theme"](found, env, config)
        cache.theme_files[key] = [(file.src_uri, file.src_dir) for file in found]
    for path, folder in cache.theme_files[key]:
        # Theme files do not override docs_dir files (as in MkDocs).
        if files.get_file_from_path(path) is None:
            files.append(File(path, folder, config.site_dir, config.use_directory_urls))


class CompiledTemplates(jinja2.BytecodeCache):
    """Every build's Jinja environment reads the templates the session compiled; Jinja
    checks the source's checksum before reusing one, so an edited template is compiled
    again."""

    def __init__(self, cache: ServeCache) -> None:
        self._templates = cache.templates

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._templates:
            bucket.bytecode_from_string(self._templates[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._templates[bucket.key] = bucket.bytecode_to_string()
