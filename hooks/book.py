"""Authoring commands for the book, built on the same checks as `mkdocs build`.

    .venv/bin/python hooks/book.py status            every page: variants, parity, freshness, quiz
    .venv/bin/python hooks/book.py reviewed PAGE...  record that a translation matches its source
    .venv/bin/python hooks/book.py new-chapter SLUG --zh TITLE --en TITLE
                                                     both language files, a quiz, the nav entry
    .venv/bin/python hooks/book.py export-quizzes [--out DIR]
                                                     every language's quizzes as QTI 1.2 and GIFT
    .venv/bin/python hooks/book.py export            the book as PDF, EPUB and an offline copy

PAGE is a file (docs/chapters/x.en.md) or a page (docs/chapters/x.md: all its translations).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import yaml  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import MkDocsException  # noqa: E402

from book_check import check_book  # noqa: E402
from book_pages import read_book  # noqa: E402
from export.cli import add_export_arguments  # noqa: E402
from freshness import freshness, mark_reviewed  # noqa: E402
from install_hint import hint, missing  # noqa: E402
from languages import language_codes  # noqa: E402
from quiz.load import QuizError, load_quiz  # noqa: E402
from quiz_book.export import export_quizzes  # noqa: E402

TEMPLATES = Path(__file__).parent / "templates"
# How a person runs this file from the project's folder (the system python3 lacks the packages).
COMMAND = ".venv/bin/python hooks/book.py"

# -----------------------------------------------------------------------------
# Commands
# -----------------------------------------------------------------------------


def status(config) -> int:
    """Print the table; exit 1 when something would stop the build (not for stale pages;
    for warnings when the build is strict)."""
    locales = language_codes(config)
    book = check_book(config)
    quizzes = _quiz_states(config, locales)
    rows = [["page", *locales, "parity", "translation", "quiz"]]
    for page in book.pages:
        present = ["yes" if loc in page.page.variants else "MISSING" for loc in locales]
        parity = _parity_cell(page)
        fresh = [f"{loc} {_describe(state)}" for loc, state in page.freshness.items()]
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
        print(f"\n{len(book.stale)} translation(s) to review; after each review, run")
        for page, locale, _ in book.stale:
            print(f"  {COMMAND} reviewed {page.page.variants[locale].name}")
    return 1 if problems or (book.warnings and config.strict) else 0


def reviewed(config, targets: list[str]) -> int:
    locales = language_codes(config)
    docs = Path(config.docs_dir)
    pages = read_book(docs, locales)
    for target in targets:
        rel = Path(target).resolve().relative_to(docs.resolve()).as_posix()
        key, chosen = rel, locales[1:]
        for locale in locales:
            if rel.endswith(f".{locale}.md"):
                key, chosen = rel[: -len(f".{locale}.md")] + ".md", (locale,)
        page = pages.get(key)
        if page is None or locales[0] not in page.variants:
            print(f"{target}: no such page with a {locales[0]} source", file=sys.stderr)
            return 2
        for locale in chosen:
            if locale == locales[0]:
                print(f"{target} is the source; review its translations instead.", file=sys.stderr)
                return 2
            translation = page.variants.get(locale)
            if translation is None:
                print(f"{target}: there is no {locale} version yet.", file=sys.stderr)
                return 2
            value = mark_reviewed(translation.path, page.variants[locales[0]])
            print(f"{translation.name}: reviewed against {locales[0]} version {value}")
    return 0


def new_chapter(config, slug: str, titles: dict[str, str], config_file: Path) -> int:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        print(f"{slug!r}: use lower-case letters, digits and hyphens.", file=sys.stderr)
        return 2
    locales = language_codes(config)
    docs = Path(config.docs_dir)
    files = {loc: docs / "chapters" / f"{slug}.{loc}.md" for loc in locales}
    quiz = docs / "quizzes" / f"{slug}.yml"
    existing = [p for p in [*files.values(), quiz] if p.exists()]
    if existing:
        print(f"{existing[0]} exists already.", file=sys.stderr)
        return 2
    home = read_book(docs, locales).get("index.md")
    fresh_homes = [loc for loc in locales[1:] if _is_fresh(home, loc, locales[0])]
    for locale, path in files.items():
        text = (TEMPLATES / f"chapter.{locale}.md").read_text("utf-8")
        path.write_text(text.replace("{title}", titles[locale]).replace("{slug}", slug), "utf-8")
    quiz.write_text((TEMPLATES / "quiz.yml").read_text("utf-8").replace("{slug}", slug), "utf-8")
    _add_to_nav(config_file, f"chapters/{slug}.md")
    linked = {
        loc
        for loc in locales
        if _add_to_home(docs / f"index.{loc}.md", titles[loc], f"chapters/{slug}.md")
    }
    # The new chapter's translation is never reviewed until its author says so. A home
    # page whose source and translation both got the same link keeps its record: fresh
    # stays fresh; one that was stale or never reviewed stays so, as an edit is no review.
    fresh_homes = [loc for loc in fresh_homes if {loc, locales[0]} <= linked]
    home = read_book(docs, locales).get("index.md")
    for locale in fresh_homes:
        mark_reviewed(home.variants[locale].path, home.variants[locales[0]])
    for path in [*files.values(), quiz]:
        print(f"created {path.relative_to(docs.parent).as_posix()}")
    print(f"added chapters/{slug}.md to the nav in {config_file.name} and to the home pages")
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


def _describe(state) -> str:
    """New work ("never reviewed") apart from drift ("STALE since" the source changed)."""
    if state.fresh:
        return "fresh"
    return "never reviewed" if state.recorded is None else f"STALE since {state.since}"


def _quiz_states(config, locales) -> dict[str, str]:
    states = {}
    for path in sorted((Path(config.docs_dir) / "quizzes").glob("*.y*ml")):
        try:
            load_quiz(path, locales)
            states[path.stem] = "ok"
        except QuizError as err:
            states[path.stem] = f"INVALID ({err})"
    return states


def _add_to_nav(config_file: Path, entry: str) -> None:
    """Append the chapter after the nav's last entry, keeping the file's own formatting."""
    text = config_file.read_text("utf-8")
    match = re.search(r"^nav:\n((?:[ \t]+- .*\n)+)", text, re.MULTILINE)
    if match is None:
        raise SystemExit(f"{config_file.name}: no 'nav:' list to add {entry} to.")
    indent = re.match(r"[ \t]+", match.group(1)).group(0)
    text = text[: match.end()] + f"{indent}- {entry}\n" + text[match.end() :]
    config_file.write_text(text, "utf-8")


def _add_to_home(home: Path, title: str, link: str) -> bool:
    """Add '1. [title](link)' after the home page's last numbered chapter link, if it has one."""
    if not home.exists():
        return False
    lines = home.read_text("utf-8").split("\n")
    numbered = [i for i, line in enumerate(lines) if re.match(r"^\d+\. \[", line)]
    if not numbered:
        return False
    number = int(lines[numbered[-1]].split(".", 1)[0]) + 1
    lines.insert(numbered[-1] + 1, f"{number}. [{title}]({link})")
    home.write_text("\n".join(lines), "utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n")[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="a table of every page")
    review = commands.add_parser("reviewed", help="mark translations as matching their source")
    review.add_argument("pages", nargs="+")
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
        if args.command == "export":
            # Imported here: the export's libraries are not part of the site's set-up.
            from export.cli import export_command

            try:
                return export_command(config, args)
            except ModuleNotFoundError as err:
                print(hint("export", [err.name]), file=sys.stderr)
                return 2
        if args.command == "export-quizzes":
            return export(config, args.out)
        return new_chapter(config, args.slug, {"zh": args.zh, "en": args.en}, args.config_file)
    except MkDocsException as err:
        # The build's own errors (a page not in UTF-8, broken front matter): the same message.
        print(err.format_message(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
