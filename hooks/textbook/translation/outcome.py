"""How a build of the book ends: with every problem of the book in one error, whether the
checks find them at the end or another error stops the build first."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from textbook import report
from textbook.adapters.i18n import language_codes
from textbook.translation.check import check_book
from textbook.translation.state import TranslationBuild

log = logging.getLogger("mkdocs.hooks.parity")


def finish(config: MkDocsConfig, build: TranslationBuild) -> None:
    """Every language is rendered: the languages' structure is compared, and every problem
    of the book stops the build at once."""
    status = check_book(config, stale=False)
    for warning in status.warnings:
        log.warning(warning)
    # Every problem of the book at once: those the other hooks found on the way (quizzes,
    # glossary, math, figures and references), and the languages' structure.
    build.reported = True
    report.stop_if_any(report.take() + status.problems)


def failed(build: TranslationBuild, command: str) -> None:
    """Another error ended the build first (strict mode's warnings, in a language built
    inside the i18n plugin): the book's problems found so far are shown all the same."""
    if not build.reported and build.config is not None:
        build.reported = True
        # The languages' structure only once every language is rendered (strict mode's
        # warnings stop the last one after it is written): before, outlines are partial.
        whole = build.rendered >= set(language_codes(build.config))
        _report_all(build.config, structure=whole)
    report.take()  # the next build (a save under `mkdocs serve`) starts with none
    # Whatever stopped the build (these checks, a quiz's section in the second language),
    # `mkdocs build` leaves no half site; `mkdocs serve` keeps serving the last good one.
    if command != "serve" and build.site_dir:
        report.remove_written(Path(build.site_dir), build.started_ns)


def _report_all(config: MkDocsConfig, structure: bool) -> None:
    found = []
    try:
        found = check_book(config, stale=False, structure=structure).problems
    except PluginError:  # a file that cannot be read at all: its own error says so
        pass
    problems = report.take() + found
    if problems:
        log.error(str(report.BookProblems(report.ordered(problems))))
