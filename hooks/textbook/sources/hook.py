"""Source files MkDocs reads itself, checked before anything is written (checks.py).

mkdocs.yml: a key written twice (YAML keeps the last one silently) or a page
listed twice in the nav stops the build. The theme's own templates (overrides/)
are compiled first, so an encoding or syntax mistake names the file and line.
Pages and quiz files are checked where they are read (pages.py, quiz/load.py).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from textbook.sources.checks import check_config, check_templates


def on_config(config: MkDocsConfig) -> None:
    check_config(config)


# After every other on_env: a hook may add the filters its templates use there.
@event_priority(-100)
def on_env(env, *, config: MkDocsConfig, files: Files) -> None:
    check_templates(env, config)
