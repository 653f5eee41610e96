"""The files MkDocs reads itself, checked before anything is written: mkdocs.yml (a key
written twice, a page twice in the nav) and the theme's own templates (overrides/)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from textbook.sources.files import SourceError, config_problems, template_problems


def check_config(config: MkDocsConfig) -> None:
    """Raise SourceError with every mistake of the configuration file, if it has any."""
    if config.config_file_path:
        _stop_on(config_problems(Path(config.config_file_path)))


def check_templates(env, config: MkDocsConfig) -> None:
    """Compile every template of the theme's custom folder in `env`, the build's own Jinja
    environment; raise SourceError naming each file and line that fails."""
    if config.theme.custom_dir:
        folder = Path(config.theme.custom_dir)
        _stop_on(template_problems(env, folder, shown_as=folder.name))


def _stop_on(problems: list[str]) -> None:
    if problems:
        raise SourceError("\n".join(problems))
