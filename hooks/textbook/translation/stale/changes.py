"""What a stale translation's reader and translator need: the source's changes, by block.

`page_report(...)` gives the parity.since Report of one translation (None when
it is fresh, never reviewed, or its reviewed version is unknown or missing);
`lines_of(...)` and `github_lines(...)` print it for `hooks/book.py changes`.
The build (translation/hook.py, translation/check.py) and the CLI share it.
"""

from __future__ import annotations

from pathlib import Path

from textbook.sources.outline import Block, Outline
from textbook.sources.pages import Source, front_matter
from textbook.sources.store import outline_of
from textbook.translation.parity.messages import describe
from textbook.translation.stale.freshness import Freshness, missing_version
from textbook.translation.stale.since import Report, against, diff_source, normalized
from textbook.translation.stale.wording import marked, shortened


def reviewed_source(source: Source, state: Freshness) -> Source:
    """The source page as it was reviewed (its text from git)."""
    text = state.reviewed_text or ""
    body, meta = front_matter(text, source.name)
    start = text.find(body) if body else len(text)
    first_line = text.count("\n", 0, max(start, 0)) + 1
    return Source(Path(f"{source.path}@{state.blob}"), source.name, text, meta, body, first_line)


def page_report(
    translation: Source,
    source: Source,
    state: Freshness,
    convert,
    locales: tuple[str, ...],
    translation_outline: Outline | None = None,
) -> Report | None:
    if state.fresh or state.version != "known":
        return None
    old_source = reviewed_source(source, state)
    old = outline_of(old_source, convert)
    new = outline_of(source, convert)
    if translation_outline is None:
        translation_outline = outline_of(translation, convert)
    diff = diff_source(
        old, (old_source.body, old_source.first_line), new, (source.body, source.first_line)
    )
    return against(diff, old, new, translation_outline, locales)


def page_line(translation: Source, source: Source, state: Freshness) -> str | None:
    """One line for a stale page without a block report; None when there is one."""
    if state.recorded is None:
        return (
            f"{translation.name}: never reviewed against {source.name}; read it whole, then "
            "run reviewed."
        )
    if state.version == "unknown":
        return (
            f"{translation.name}: reviewed against an unknown version of {source.name} (an "
            "older record); read it whole, then run reviewed to record the version."
        )
    if state.version == "missing":
        return missing_version(translation, source, state)
    return None


def lines_of(report: Report, translation: Source, source: Source, state: Freshness) -> list[str]:
    """The report for a person: a heading line, then each change with both places."""
    tr, src = translation.name, source.name
    counts = ", ".join(f"{report.count(k)} {k}" for k in ("changed", "added", "removed"))
    out = [f"{tr}: {counts} since the review of {src} ({state.blob[:7]})"]
    ends = _ends(report, translation)
    for change in report.changes:
        what = describe(change.block)
        if change.kind == "changed":
            old, new = marked(normalized(change.old_text), normalized(change.new_text))
            there = f"update {tr}:{change.partner.line}" if change.partner else "(no partner)"
            out.append(f"  changed  {src}:{change.block.line} {what}: {there}")
            out.append(f"           {old} → {new}")
        elif change.kind == "added":
            line = ends.get(id(change.after), 0) if change.after else translation.first_line - 1
            out.append(
                f"  added    {src}:{change.block.line} {what}: translate it after {tr}:{line}"
            )
            out.append(f"           {{+{shortened(change.new_text)}+}}")
        else:
            where = (
                f"delete {tr}:{_span(change.partner, ends)}"
                if change.partner
                else "(not in the translation)"
            )
            out.append(f"  removed  {what} (was {src}:{change.block.line}): {where}")
            out.append(f"           [-{shortened(change.old_text)}-]")
    return out


def github_lines(report: Report, translation: Source, source: Source) -> list[str]:
    """Each change as a workflow command on the translation's line."""
    tr, src = translation.name, source.name
    ends = _ends(report, translation)
    out = []
    for change in report.changes:
        what = describe(change.block)
        if change.kind == "changed":
            old, new = marked(normalized(change.old_text), normalized(change.new_text))
            line = change.partner.line if change.partner else translation.first_line
            title = f"Source changed: {src}:{change.block.line}"
            text = f"{what} changed since the review; update this translation: {old} → {new}"
        elif change.kind == "added":
            line = ends.get(id(change.after), 0) if change.after else translation.first_line
            title = f"Source added: {src}:{change.block.line}"
            text = f"{what} was added; translate it after this line: {shortened(change.new_text)}"
        else:
            if change.partner is None:
                continue
            line = change.partner.line
            title = f"Source removed: {src}"
            text = f"{what} was removed from the source; delete its translation here."
        out.append(command("warning", tr, max(line, 1), title, text))
    return out


def command(level: str, file: str, line: int | None, title: str, text: str) -> str:
    """`::warning file=…,line=…,title=…::text`, escaped as GitHub Actions reads it."""
    props = [f"file={_prop(file)}"]
    if line:
        props.append(f"line={line}")
    props.append(f"title={_prop(title)}")
    return f"::{level} {','.join(props)}::{_data(text)}"


def sections(report: Report) -> list[Block]:
    """The source's headings whose sections changed, in order, each once."""
    seen, out = set(), []
    for change in report.changes:
        heading = change.section
        key = id(heading) if heading is not None else None
        if key not in seen:
            seen.add(key)
            out.append(heading)
    return out


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _ends(report: Report, translation: Source) -> dict[int, int]:
    """The last line of each block of the translation (blank lines left out)."""
    lines = translation.text.split("\n")
    ends: dict[int, int] = {}
    blocks = report.translation.blocks if report.translation else []
    for index, block in enumerate(blocks):
        end = len(lines)
        for later in blocks[index + 1 :]:
            if later.line > block.line:
                end = later.line - 1
                break
        while end > block.line and not lines[end - 1].strip():
            end -= 1
        ends[id(block)] = max(end, block.line)
    return ends


def _span(block: Block, ends: dict[int, int]) -> str:
    end = ends.get(id(block), block.line)
    return f"{block.line}" if end == block.line else f"{block.line}-{end}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
