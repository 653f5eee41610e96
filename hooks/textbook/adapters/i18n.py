"""What the i18n plugin knows about languages, in one place for every hook."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Language:
    """One built language: its code, display name and URL prefix ('' or 'en/')."""

    locale: str
    name: str
    prefix: str
    default: bool


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def configured_languages(config: MkDocsConfig) -> list:
    """static-i18n's own language entries, as mkdocs.yml configures them (site_name,
    nav_translations, admonition_translations...): for the checks of that configuration."""
    return config.plugins["i18n"].config.languages


def languages(config: MkDocsConfig) -> list[Language]:
    """The languages the i18n plugin builds, default first."""
    langs = [
        Language(
            locale=lang.locale,
            name=lang.name,
            prefix=lang.link.strip("/") + "/" if lang.link.strip("/") else "",
            default=lang.default,
        )
        for lang in configured_languages(config)
        if lang.build
    ]
    return sorted(langs, key=lambda lang: not lang.default)


def language_codes(config: MkDocsConfig) -> tuple[str, ...]:
    """The codes of the built languages, default first: ('zh', 'en')."""
    return tuple(lang.locale for lang in languages(config))


def current_language(config: MkDocsConfig) -> str:
    """The language of the build that is running now.

    static-i18n sets it in its own `on_config` (-100), after the hooks' (0): before that,
    in a new build's first `on_config`, it is None and the default language is the one
    about to be built.
    """
    plugin = config.plugins["i18n"]
    return plugin.current_language or plugin.default_language


def is_first_build(config: MkDocsConfig) -> bool:
    """True while the default language builds: the one that checks the whole book."""
    return current_language(config) == languages(config)[0].locale


def is_last_build(config: MkDocsConfig) -> bool:
    """True in the outer build's `on_post_build`, once every language is written.

    The i18n plugin builds the other languages inside its own `on_post_build`
    and sets `building` meanwhile; a hook with a lower priority runs after it.
    """
    return not config.plugins["i18n"].building


def source_language(config: MkDocsConfig) -> str:
    """The language the book is written in; the others are its translations.

    `extra → parity → source_language` in mkdocs.yml, else the default language. Only
    this decides which variant is the source: a book written in English and translated
    into Chinese sets `source_language: en` and keeps Chinese as its default site.
    """
    codes = language_codes(config)
    from textbook.translation.settings import parity_settings

    chosen = parity_settings(config).source_language
    return chosen if chosen in codes else codes[0]


def source_first(config: MkDocsConfig) -> tuple[str, ...]:
    """The built languages, the source first: ('zh', 'en')."""
    source = source_language(config)
    return (source, *(code for code in language_codes(config) if code != source))


def alternates(file) -> dict:
    """static-i18n's `File.alternates`: the file's version in each language, by locale, set
    on every file it builds ({} for a file it did not reach, a theme file)."""
    return getattr(file, "alternates", None) or {}
