"""Authoring commands for the book, built on the same checks as `mkdocs build`.

    .venv/bin/python hooks/book.py status            every page: variants, parity, freshness, quiz
    .venv/bin/python hooks/book.py reviewed PAGE...  record that a translation matches its source
    .venv/bin/python hooks/book.py changes [PAGE...] [--github]
                                                     what changed in the source since each review
    .venv/bin/python hooks/book.py new-chapter SLUG --zh TITLE --en TITLE
                                                     both language files, a quiz, the nav entry
    .venv/bin/python hooks/book.py export-quizzes [--out DIR]
                                                     every language's quizzes as QTI 1.2 and GIFT
    .venv/bin/python hooks/book.py export            the book as PDF, EPUB and an offline copy

PAGE is a file (docs/chapters/x.en.md) or a page (docs/chapters/x.md: all its translations),
written from the project's folder or from docs/ (chapters/x.en.md).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from textbook.adapters.i18n import language_codes, source_first
from textbook.conventions import CHAPTERS, QUIZZES, page_key, variant_of
from textbook.export.cli import add_export_arguments
from textbook.install_hint import hint, missing
from textbook.quiz.lms.export import export_quizzes
from textbook.quiz.load import QuizError, load_quiz
from textbook.sources.files import SourceError
from textbook.sources.pages import read_book
from textbook.sources.rewrite import rewrite
from textbook.sources.store import Converter
from textbook.translation.check import check_book
from textbook.translation.stale.changes import (
    command,
    github_lines,
    lines_of,
    page_line,
    page_report,
)
from textbook.translation.stale.freshness import Freshness, freshness, mark_reviewed

TEMPLATES = Path(__file__).parent / "templates"
# How a person runs this file from the project's folder (the system python3 lacks the packages).
COMMAND = ".venv/bin/python hooks/book.py"

# -----------------------------------------------------------------------------
# Commands
# -----------------------------------------------------------------------------


def status(config) -> int:
    """Print the table; exit 1 when something would stop the build (not for stale pages;
    for warnings when the build is strict)."""
    locales = source_first(config)
    book = check_book(config)
    quizzes = _quiz_states(config, language_codes(config))
    counts, missing = _change_counts(config, book)
    rows = [["page", *locales, "parity", "translation", "quiz"]]
    for page in book.pages:
        present = ["yes" if loc in page.page.variants else "MISSING" for loc in locales]
        parity = _parity_cell(page)
        fresh = [
            f"{loc} {_describe(state)}{counts.get((page.page.key, loc), '')}"
            for loc, state in page.freshness.items()
        ]
        quiz = ", ".join(f"{q} {quizzes.get(q, 'MISSING')}" for q in page.quizzes) or "-"
        rows.append([page.page.key, *present, parity, "; ".join(fresh) or "-", quiz])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    problems = book.problems + [f"{q}: {state}" for q, state in quizzes.items() if state != "ok"]
    if problems:
        print("\nTo fix before the book builds:")
        for problem in problems:
            print(f"  {problem}")
    if book.warnings:
        stops = " (the build is strict: they stop it)" if config.strict else ""
        print(f"\nWarnings{stops}:")
        for warning in book.warnings:
            print(f"  {warning}")
    if book.stale:
        for line in missing:
            print(f"\n{line}")
        print(
            f"\n{len(book.stale)} translation(s) to review (`{COMMAND} changes` lists what "
            "changed in each source since its review); after each review, run"
        )
        for page, locale, _ in book.stale:
            print(f"  {COMMAND} reviewed {page.page.variants[locale].name}")
    return 1 if problems or (book.warnings and config.strict) else 0


def reviewed(config, targets: list[str]) -> int:
    locales = source_first(config)
    docs = Path(config.docs_dir)
    pages = read_book(docs, language_codes(config))
    chosen = []
    for target in targets:
        try:
            chosen += _translations_of(target, docs, pages, locales)
        except _Refusal as refusal:
            print(refusal, file=sys.stderr)
            return 2
    for page, locale in chosen:
        value = mark_reviewed(page.variants[locale].path, page.variants[locales[0]])
        print(f"{page.variants[locale].name}: reviewed against {locales[0]} version {value}")
    return 0


def changes(config, targets: list[str], github: bool, summary: Path | None) -> int:
    """What changed in the source of each stale translation (or of the pages named) since
    its review. A report: exit 0 whatever it finds, 1 only when a page cannot be read."""
    locales = source_first(config)
    docs = Path(config.docs_dir)
    pages = read_book(docs, language_codes(config))
    chosen = []
    try:
        for target in targets:
            chosen += _translations_of(target, docs, pages, locales)
    except _Refusal as refusal:
        print(refusal, file=sys.stderr)
        return 1
    named = bool(targets)
    if not named:
        chosen = [
            (page, locale)
            for key in sorted(pages)
            for page in [pages[key]]
            if locales[0] in page.variants
            for locale in locales[1:]
            if locale in page.variants
        ]
    convert = Converter(config)
    rows = []
    for page, locale in chosen:
        source, translation = page.variants[locales[0]], page.variants[locale]
        state = freshness(translation, source)
        if state.fresh:
            if named:
                print(f"{translation.name}: fresh; {source.name} has not changed since the review.")
            continue
        line = page_line(translation, source, state)
        if line is not None:
            print(
                command("notice", translation.name, None, "Translation", line) if github else line
            )
            rows.append((translation.name, "-", "-", "-", line.split(": ", 1)[1]))
            continue
        report = page_report(translation, source, state, convert, locales)
        out = (
            github_lines(report, translation, source)
            if github
            else lines_of(report, translation, source, state)
        )
        print("\n".join(out))
        counts = [str(report.count(kind)) for kind in ("changed", "added", "removed")]
        rows.append((translation.name, *counts, f"since {source.name} {state.blob[:7]}"))
    if not chosen or (not named and not rows):
        print("Every translation is fresh.")
    if summary is not None:
        _write_summary(summary, rows)
    return 0


def new_chapter(config, slug: str, titles: dict[str, str], config_file: Path) -> int:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        print(f"{slug!r}: use lower-case letters, digits and hyphens.", file=sys.stderr)
        return 2
    locales = language_codes(config)
    docs = Path(config.docs_dir)
    files = {loc: docs / variant_of(f"{CHAPTERS}{slug}.md", loc) for loc in locales}
    quiz = docs / QUIZZES / f"{slug}.yml"
    existing = [p for p in [*files.values(), quiz] if p.exists()]
    if existing:
        print(f"{existing[0]} exists already.", file=sys.stderr)
        return 2
    listed = _nav_line(config_file, f"{CHAPTERS}{slug}.md")
    if listed:
        print(
            f"{config_file.name}:{listed}: the nav already lists '{CHAPTERS}{slug}.md'; choose "
            "another slug, or remove that line first.",
            file=sys.stderr,
        )
        return 2
    home = read_book(docs, locales).get("index.md")
    order = source_first(config)
    fresh_homes = [loc for loc in order[1:] if _is_fresh(home, loc, order[0])]
    for locale, path in files.items():
        text = (TEMPLATES / f"chapter.{locale}.md").read_text("utf-8")
        path.write_text(text.replace("{title}", titles[locale]).replace("{slug}", slug), "utf-8")
    quiz.write_text((TEMPLATES / "quiz.yml").read_text("utf-8").replace("{slug}", slug), "utf-8")
    _add_to_nav(config_file, f"{CHAPTERS}{slug}.md")
    linked = {
        loc
        for loc in locales
        if _add_to_home(docs / variant_of("index.md", loc), titles[loc], f"{CHAPTERS}{slug}.md")
    }
    # The new chapter's translation is never reviewed until its author says so. A home
    # page whose source and translation both got the same link keeps its record: fresh
    # stays fresh; one that was stale or never reviewed stays so, as an edit is no review.
    fresh_homes = [loc for loc in fresh_homes if {loc, order[0]} <= linked]
    home = read_book(docs, locales).get("index.md")
    for locale in fresh_homes:
        mark_reviewed(home.variants[locale].path, home.variants[order[0]])
    for path in [*files.values(), quiz]:
        print(f"created {path.relative_to(docs.parent).as_posix()}")
    print(f"added {CHAPTERS}{slug}.md to the nav in {config_file.name} and to the home pages")
    return 0


def export(config, out: Path) -> int:
    try:
        written = export_quizzes(config, language_codes(config), out)
    except QuizError as err:
        print(err, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.as_posix()}")
    return 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _parity_cell(page) -> str:
    counts = [(len(page.problems), "problem(s)"), (len(page.warnings), "warning(s)")]
    return ", ".join(f"{n} {what}" for n, what in counts if n) or "ok"


def _is_fresh(page, locale: str, source: str) -> bool:
    if page is None or locale not in page.variants or source not in page.variants:
        return False
    return freshness(page.variants[locale], page.variants[source]).fresh


class _Refusal(Exception):
    """A CLI argument the command cannot use: the message says why, in one line."""


def _translations_of(target: str, docs: Path, pages: dict, locales) -> list:
    """(page, locale) for each translation a PAGE argument names; _Refusal otherwise.

    A path is read from the project's folder, or else from docs/ (chapters/x.en.md)."""
    path = Path(target)
    if not (path.is_absolute() or path.exists() or path.resolve().is_relative_to(docs.resolve())):
        path = docs / path
    try:
        rel = path.resolve().relative_to(docs.resolve()).as_posix()
    except ValueError:
        raise _Refusal(
            f"{target}: not a page of the book; give a file under {docs.name}/, such as "
            f"{docs.name}/chapters/x.{locales[1] if len(locales) > 1 else locales[0]}.md."
        ) from None
    key, locale = page_key(rel, locales)
    chosen = [locale] if key != rel else list(locales[1:])  # a page: all its translations
    page = pages.get(key)
    if page is None or locales[0] not in page.variants:
        raise _Refusal(f"{target}: no such page with a {locales[0]} source")
    if chosen == [locales[0]]:
        raise _Refusal(f"{target} is the source; review its translations instead.")
    present = [locale for locale in chosen if locale in page.variants]
    if not present:
        raise _Refusal(f"{target}: there is no {chosen[0]} version yet.")
    return [(page, locale) for locale in present]


def _change_counts(config, book) -> tuple[dict, list[str]]:
    """Per stale translation ' (2 changed, 1 added, 0 removed)'; and the line for each one
    whose reviewed version git lacks."""
    locales = source_first(config)
    convert = Converter(config)
    counts, missing = {}, []
    for page, locale, state in book.stale:
        source, translation = page.page.variants[locales[0]], page.page.variants[locale]
        # check_book made it while comparing the page; a page it did not compare (empty) not.
        if locale in page.reports:
            report = page.reports[locale]
        else:
            report = page_report(translation, source, state, convert, locales)
        if report is not None:
            numbers = ", ".join(f"{report.count(k)} {k}" for k in ("changed", "added", "removed"))
            counts[(page.page.key, locale)] = f" ({numbers})"
        elif state.version == "missing":
            missing.append(page_line(translation, source, state))
    return counts, missing


def _write_summary(path: Path, rows: list[tuple]) -> None:
    """A Markdown table for the job summary of GitHub Actions ($GITHUB_STEP_SUMMARY)."""
    lines = ["### Translations to update", ""]
    if not rows:
        lines.append("Every translation is fresh.")
    else:
        lines += ["| page | changed | added | removed | |", "| --- | ---: | ---: | ---: | --- |"]
        lines += [f"| `{name}` | {c} | {a} | {r} | {note} |" for name, c, a, r, note in rows]
    with path.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def _describe(state: Freshness) -> str:
    """New work ("never reviewed") apart from drift ("STALE since" the source changed)."""
    if state.fresh:
        return "fresh"
    return "never reviewed" if state.recorded is None else f"STALE since {state.since}"


def _quiz_states(config, locales) -> dict[str, str]:
    states = {}
    for path in sorted((Path(config.docs_dir) / QUIZZES).glob("*.y*ml")):
        try:
            load_quiz(path, locales)
            states[path.stem] = "ok"
        except QuizError as err:
            states[path.stem] = f"INVALID ({err})"
    return states


def _nav_line(config_file: Path, entry: str) -> int | None:
    """The line of mkdocs.yml's nav that lists `entry` already, if one does."""
    text = config_file.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    match = re.search(r"^nav:\n((?:[ \t]+- .*\n?)+)", text, re.MULTILINE)
    if match is None:
        return None
    listed = re.compile(rf"^[ \t]+- (?:.*:\s*)?['\"]?{re.escape(entry)}['\"]?\s*$")
    first = text.count("\n", 0, match.start(1)) + 1
    for offset, line in enumerate(match.group(1).split("\n")):
        if listed.match(line):
            return first + offset
    return None


def _add_to_nav(config_file: Path, entry: str) -> None:
    """Append the chapter after the nav's last entry, keeping the file's own formatting
    (and how it is saved: BOM, line ends, last newline)."""

    def add(text: str) -> str:
        match = re.search(r"^nav:\n((?:[ \t]+- .*(?:\n|$))+)", text, re.MULTILINE)
        if match is None:
            raise SystemExit(f"{config_file.name}: no 'nav:' list to add {entry} to.")
        indent = re.match(r"[ \t]+", match.group(1)).group(0)
        last = "" if match.group(1).endswith("\n") else "\n"
        return (
            text[: match.end()]
            + f"{last}{indent}- {entry}"
            + ("\n" if not last else "")
            + text[match.end() :]
        )

    rewrite(config_file, add)


def _add_to_home(home: Path, title: str, link: str) -> bool:
    """Add '1. [title](link)' after the home page's last numbered chapter link, if it has one."""
    if not home.exists():
        return False
    added = []

    def add(text: str) -> str:
        lines = text.split("\n")
        numbered = [i for i, line in enumerate(lines) if re.match(r"^\d+\. \[", line)]
        if not numbered:
            return text
        number = int(lines[numbered[-1]].split(".", 1)[0]) + 1
        lines.insert(numbered[-1] + 1, f"{number}. [{title}]({link})")
        added.append(number)
        return "\n".join(lines)

    rewrite(home, add)
    return bool(added)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n")[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="a table of every page")
    review = commands.add_parser("reviewed", help="mark translations as matching their source")
    review.add_argument("pages", nargs="+")
    changed = commands.add_parser(
        "changes", help="what changed in the source since each translation's review"
    )
    changed.add_argument("pages", nargs="*", help="default: every stale translation")
    changed.add_argument(
        "--github", action="store_true", help="as GitHub Actions annotations on the translation"
    )
    changed.add_argument(
        "--summary", type=Path, help="append a table to this file ($GITHUB_STEP_SUMMARY)"
    )
    new = commands.add_parser("new-chapter", help="create a chapter in every language")
    new.add_argument("slug")
    new.add_argument("--zh", required=True, help="the Chinese title")
    new.add_argument("--en", required=True, help="the English title")
    exporting = commands.add_parser(
        "export-quizzes", help="QTI 1.2 and GIFT for learning platforms"
    )
    exporting.add_argument("--out", default="quiz-export", type=Path, help="default: quiz-export/")
    book_export = commands.add_parser("export", help="the book as PDF, EPUB and an offline copy")
    add_export_arguments(book_export)
    args = parser.parse_args(argv)
    lacking = missing(args.command)
    if lacking:
        print(lacking, file=sys.stderr)
        return 2

    try:
        config = load_config(str(args.config_file))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
    except yaml.YAMLError as err:
        print(f"{args.config_file}: {err}", file=sys.stderr)
        return 2
    except MkDocsException as err:
        print(err.format_message(), file=sys.stderr)
        return 2
    try:
        if args.command == "status":
            return status(config)
        if args.command == "reviewed":
            return reviewed(config, args.pages)
        if args.command == "changes":
            return changes(config, args.pages, args.github, args.summary)
        if args.command == "export":
            # Imported here: the export's libraries are not part of the site's set-up.
            from textbook.export.cli import export_command

            try:
                return export_command(config, args)
            except ModuleNotFoundError as err:
                print(hint("export", [err.name]), file=sys.stderr)
                return 2
        if args.command == "export-quizzes":
            return export(config, args.out)
        return new_chapter(config, args.slug, {"zh": args.zh, "en": args.en}, args.config_file)
    except SourceError as err:
        print(err, file=sys.stderr)
        return 1
    except BrokenPipeError:  # `changes | head`: the reader stopped reading, nothing failed
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except MkDocsException as err:
        # The build's own errors (a page not in UTF-8, broken front matter): the same message.
        print(err.format_message(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
