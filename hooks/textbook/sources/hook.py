"""Source files MkDocs reads itself, checked before anything is written.

mkdocs.yml: a key written twice (YAML keeps the last one silently) or a page
listed twice in the nav stops the build. The theme's own templates (overrides/)
are compiled first, so an encoding or syntax mistake names the file and line.
Pages and quiz files are checked where they are read (book_pages.py, quiz/load.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from textbook.sources.files import SourceError, config_problems, template_problems

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    if config.config_file_path:
        _stop_on(config_problems(Path(config.config_file_path)))


# After every other on_env: a hook may add the filters its templates use there.
@event_priority(-100)
def on_env(env, *, config: MkDocsConfig, files: Files) -> None:
    if config.theme.custom_dir:
        folder = Path(config.theme.custom_dir)
        _stop_on(template_problems(env, folder, shown_as=folder.name))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _stop_on(problems: list[str]) -> None:
    if problems:
        raise SourceError("\n".join(problems))
