"""Interface text per language, read once from ui_strings.yml and handed to templates as `ui`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from languages import current_language, language_codes
from source_files import SourceError, compose_yaml, line_of, load_yaml, read_text, yaml_error

SOURCE = Path(__file__).with_name("ui_strings.yml")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    # Fail before any page is built if a language is missing a string.
    load_strings(language_codes(config))


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    context["ui"] = strings_for(config)
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    context["ui"] = strings_for(config)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def strings_for(config: MkDocsConfig) -> dict[str, str]:
    """The strings of the language being built."""
    locale = current_language(config)
    return {key: texts[locale] for key, texts in load_strings(language_codes(config)).items()}


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
