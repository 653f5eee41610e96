"""The whole book's translation integrity: one implementation for the build and the CLI.

Errors (a missing variant, mismatched structure, an untranslated nav title or
site name) stop the build; a stale translation is reported and published with
a notice to its readers; a translated string literal in code is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from textbook.adapters.i18n import configured_languages, language_codes, source_first
from textbook.conventions import CHAPTERS
from textbook.glossary.check import Side, check_terms
from textbook.glossary.load import Glossary, book_glossary
from textbook.report import ordered
from textbook.sources.blocks import duplicate_footnotes, unclosed_blocks
from textbook.sources.outline import Outline
from textbook.sources.pages import BookPage, read_book
from textbook.sources.store import Converter, outline_of
from textbook.translation.parity.rules import compare, missing_variants, paired_blocks
from textbook.translation.settings import parity_settings
from textbook.translation.stale.changes import page_report
from textbook.translation.stale.freshness import Freshness, freshness

# Blocks whose text the glossary check reads, on chapter pages (where terms are marked).
TERM_BLOCKS = ("heading", "paragraph", "list", "table", "footnote")


@dataclass
class PageStatus:
    page: BookPage
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    freshness: dict[str, Freshness] = field(default_factory=dict)  # per translation locale
    outlines: dict[str, Outline] = field(default_factory=dict)  # per locale, when compared
    # Per translation locale, when compared: what changed in its source since the review
    # (stale/changes.page_report), or None without a reviewed version to compare.
    reports: dict[str, object] = field(default_factory=dict)

    @property
    def quizzes(self) -> list[str]:
        outline = next(iter(self.outlines.values()), None)
        return [b.key for b in outline.blocks if b.kind == "quiz"] if outline else []


@dataclass
class BookStatus:
    pages: list[PageStatus]
    config_problems: list[str]

    @property
    def problems(self) -> list[str]:
        """Grouped by file, in line order (report.ordered), as the build reports them."""
        return ordered(self.config_problems + [p for page in self.pages for p in page.problems])

    @property
    def warnings(self) -> list[str]:
        return [w for page in self.pages for w in page.warnings]

    @property
    def stale(self) -> list[tuple[PageStatus, str, Freshness]]:
        return [
            (page, locale, state)
            for page in self.pages
            for locale, state in page.freshness.items()
            if not state.fresh
        ]


def check_book(config: MkDocsConfig, *, structure: bool = True, stale: bool = True) -> BookStatus:
    """Every page; without `structure` no block-by-block comparison, without `stale` no
    freshness (the build checks what needs no rendering first, the structure at the end)."""
    locales = source_first(config)  # the source first: the language the book is written in
    pages = read_book(Path(config.docs_dir), language_codes(config))
    settings = parity_settings(config)
    config_problems = check_config(config) + settings.problems
    convert = Converter(config)
    glossary, glossary_problems = _glossary(config) if structure else (None, [])
    config_problems += glossary_problems
    statuses = []
    for key in sorted(pages, key=lambda k: (k != "index.md", k)):
        page = pages[key]
        status = PageStatus(page, missing_variants(page, locales))
        for variant in page.variants.values():
            where = (variant.body, variant.name, variant.first_line)
            status.problems += unclosed_blocks(*where) + duplicate_footnotes(*where)
            if not variant.body.strip():
                status.problems.append(_empty(variant, page.variants.get(locales[0])))
        source = page.variants.get(locales[0])
        if structure and source:
            status.outlines[locales[0]] = outline_of(source, convert)
        for locale in locales[1:]:
            translation = page.variants.get(locale)
            if source and translation:
                state = freshness(translation, source) if stale or structure else None
                if stale:
                    status.freshness[locale] = state
                # An empty page is reported as such, not as every block it lacks.
                if structure and source.body.strip() and translation.body.strip():
                    first = status.outlines[locales[0]]
                    outline = status.outlines[locale] = outline_of(translation, convert)
                    # A stale page's differences that the source's own changes since the
                    # review explain are the translator's to-do list, not errors.
                    report = page_report(translation, source, state, convert, locales, outline)
                    status.reports[locale] = report
                    if report is None:
                        pairs = paired_blocks(first, outline, locales)  # one pairing, two checks
                    else:
                        pairs = report.pairs
                    findings = compare(
                        source,
                        translation,
                        first,
                        outline,
                        locales=locales,
                        same_page=settings.same_page,
                        pairs=pairs,
                        strings_translated=settings.strings_translated,
                    )
                    for finding in findings:
                        if report is not None and report.explains(finding):
                            continue
                        (status.warnings if finding.warning else status.problems).append(
                            finding.message
                        )
                    if glossary and key.startswith(CHAPTERS):
                        sides = ((locales[0], source), (locale, translation))
                        checked = pairs if report is None else report.settled()
                        status.warnings += _term_warnings(*sides, checked, glossary)
        statuses.append(status)
    return BookStatus(statuses, config_problems)


def _empty(variant, source) -> str:
    start = (
        f"start from a copy of {source.name} and translate it"
        if source is not None and source is not variant and source.body.strip()
        else "start with its title, as '# Title'"
    )
    line = variant.first_line if variant.text.startswith("---") else 1  # after front matter
    return (
        f"{variant.name}:{line}: the page is empty, so readers would get a "
        f"blank page; write it ({start})."
    )


def _glossary(config: MkDocsConfig) -> tuple[Glossary | None, list[str]]:
    """The book's glossary, if it has one, or the problems that keep it from loading."""
    return book_glossary(Path(config.docs_dir), language_codes(config))


def _term_warnings(side_a: tuple, side_b: tuple, pairs: list, glossary: Glossary) -> list[str]:
    """Partner blocks that use a glossary term in one language and not in the other."""
    (lang_a, source), (lang_b, translation) = side_a, side_b
    sides = [
        (
            Side(lang_a, pair.source.text, f"{source.name}:{pair.source.line}"),
            Side(lang_b, pair.translation.text, f"{translation.name}:{pair.translation.line}"),
        )
        for pair in pairs
        if pair.kind in TERM_BLOCKS and pair.source and pair.translation
    ]
    return list(dict.fromkeys(check_terms(sides, glossary)))


def check_config(config: MkDocsConfig) -> list[str]:
    """The site name and every nav title exist in every language."""
    problems = []
    default = configured_languages(config)
    titles = _nav_titles(config.nav or [])
    for lang in default:
        if lang.default or not lang.build:
            continue
        where = f"mkdocs.yml: plugins → i18n → languages → {lang.locale}"
        if not lang.site_name:
            problems.append(f"{where} has no site_name; add the site's name in {lang.locale}.")
        translated = lang.nav_translations or {}
        for title in titles:
            if lang.nav is None and title not in translated:
                problems.append(
                    f"{where} → nav_translations has no entry for the nav title '{title}'; "
                    f"add '{title}: ...' in {lang.locale}."
                )
    return problems


def _nav_titles(nav) -> list[str]:
    """Titles written in mkdocs.yml's nav (pages without one take their H1 in each language)."""
    titles = []
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(title)
                if isinstance(value, list):
                    titles += _nav_titles(value)
    return titles
