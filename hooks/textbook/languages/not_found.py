"""A 404 page per language: static-i18n lets the last language's 404.html overwrite the
others', so each language's is kept until every language is built."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from textbook.adapters.i18n import Language


@dataclass
class NotFoundPages:
    """One build's 404 pages (textbook/build_state.py), made in the first language's
    on_config and written by the last language's on_post_build."""

    # The rendered 404.html of each language built so far, by language code.
    by_language: dict[str, str] = field(default_factory=dict)

    def write(self, site: Path, languages: list[Language]) -> None:
        """Each language's 404.html under its prefix, side by side."""
        for lang in languages:
            if lang.locale in self.by_language:
                path = site / lang.prefix / "404.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(self.by_language[lang.locale], encoding="utf-8")
