"""Interface text per language, read once from ui_strings.yml and handed to templates as `ui`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from textbook.adapters.i18n import current_language, language_codes
from textbook.conventions import UI_STRINGS, project_file
from textbook.sources.files import (
    SourceError,
    compose_yaml,
    line_of,
    load_yaml,
    read_text,
    yaml_error,
)

# The project's own file, beside its hooks: the repository's, unless a build names another.
SOURCE = Path(__file__).resolve().parents[2] / UI_STRINGS.rsplit("/", 1)[1]


def strings_for(config: MkDocsConfig) -> dict[str, str]:
    """The strings of the language being built."""
    locale = current_language(config)
    strings = load_strings(language_codes(config), ui_strings_file(config))
    return {key: texts[locale] for key, texts in strings.items()}


def ui_strings_file(config: MkDocsConfig) -> Path:
    """This build's strings: the project's hooks/ui_strings.yml."""
    return project_file(config, UI_STRINGS)


@cache
def load_strings(locales: tuple[str, ...], source: Path = SOURCE) -> dict[str, dict[str, str]]:
    """Every string in every language; a missing text stops the build."""
    name = f"{source.parent.name}/{source.name}"  # as the project shows it: hooks/ui_strings.yml
    try:
        text = read_text(source, name)
        data = load_yaml(text) or {}
    except yaml.YAMLError as err:
        raise SourceError(yaml_error(err, name)) from None
    for key, texts in data.items():
        missing = [lang for lang in locales if not (isinstance(texts, dict) and texts.get(lang))]
        if missing:
            line = line_of(compose_yaml(text), (key,))
            raise PluginError(
                f"{name}:{line}: the string '{key}' has no {' or '.join(missing)} text. "
                f"Add it, for example:\n  {key}:\n"
                + "".join(f"    {lang}: ...\n" for lang in locales)
            )
    return data
