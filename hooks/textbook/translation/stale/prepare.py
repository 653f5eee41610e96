"""Stale translations in the build: before any page renders, what each stale page needs (its
reviewed source's outline), then, as pages render, the source's side of each report and the
marks on the translation's blocks."""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as etree

from textbook.adapters.i18n import current_language, language_codes, source_first
from textbook.build_state import lives_across_builds
from textbook.languages.ui_strings import strings_for
from textbook.sources.lines import locate
from textbook.sources.store import Converter, outline_of
from textbook.translation.stale.changes import reviewed_source, sections
from textbook.translation.stale.freshness import missing_version, source_hash
from textbook.translation.stale.marks import Prepared, StaleMarks, added_html, mark_translation
from textbook.translation.stale.since import against, diff_source

log = logging.getLogger("mkdocs.hooks.parity")


@lives_across_builds("under serve, a stale page whose source has not changed is not prepared again")
class PreparedPages:
    """Stale translations whose reviewed version git has: (page key, locale) -> the source's
    side of the report, with the stamp (reviewed blob, source hash) it was made for."""

    def __init__(self) -> None:
        self.by_page: dict[tuple[str, str], Prepared] = {}

    def plan(self, status, config, build, marks: StaleMarks) -> None:
        """Log each stale page, and arrange for its report to be made: from the source as it
        renders when the source's language renders first, else now."""
        source_lang = source_first(config)[0]
        renders_first = source_lang == language_codes(config)[0]
        convert = Converter(config)
        wanted = set()
        for page, locale, state in status.stale:
            translation, source = page.page.variants[locale], page.page.variants[source_lang]
            name = translation.name
            build.stale[(page.page.key, locale)] = state.since
            if state.recorded is None:
                log.info(f"{name} has never been reviewed against its source.")
                continue
            log.info(f"{name} is stale: its source changed on {state.since} after its last review.")
            if state.version == "missing":
                log.info(missing_version(translation, source, state))
            if state.version != "known":
                continue
            key = (page.page.key, locale)
            wanted.add(key)
            stamp = (state.blob, source_hash(source))
            if key in self.by_page and self.by_page[key].stamp == stamp:
                continue  # `mkdocs serve`: the source has not changed since
            old_source = reviewed_source(source, state)
            old = outline_of(old_source, convert)  # converted before any page renders
            entry = (key, stamp, old_source, old, source)
            if renders_first:  # the source is read as it renders, before its translations
                build.pending.setdefault(os.path.normpath(str(source.path)), []).append(entry)
            else:  # a translation renders first: convert the source now
                marks.job = self.source_job([entry])
                convert(source.body)
                marks.job = None
        for key in set(self.by_page) - wanted:
            del self.by_page[key]

    def source_job(self, entries: list):
        """Reads a source page as it renders: for each stale translation, its blocks paired
        with the reviewed version's, and the HTML of each block added since."""

        def job(root, md, outline, elements) -> None:
            source = entries[0][-1]
            locate(outline, source.body, source.first_line)
            for key, stamp, old_source, old, _ in entries:
                diff = diff_source(
                    old,
                    (old_source.body, old_source.first_line),
                    outline,
                    (source.body, source.first_line),
                )
                added = [now for before, now in diff.pairs if before is None and now is not None]
                html = added_html(md, outline, elements, added)
                self.by_page[key] = Prepared(old, outline, diff, html, stamp)

        return job


def translation_job(src_uri: str, prepared: Prepared, config, build):
    """Marks a stale translation's blocks as it renders, and keeps the sections its notice
    names."""

    def job(root, md, outline, elements) -> None:
        order = source_first(config)
        report = against(prepared.diff, prepared.old, prepared.new, outline, order)
        marks = _mark_elements(config, build)
        mark_translation(root, md, outline, elements, report, prepared, marks, order[0])
        build.sections[src_uri] = [
            {"title": heading.label, "id": heading.key} for heading in sections(report) if heading
        ]

    return job


def _mark_elements(config, build) -> dict:
    """The marks' markup (partials/stale-mark.html) in the language being built, made once
    per language and build."""
    lang = current_language(config)
    if lang not in build.marks:
        template = config.theme.get_env().get_template("partials/stale-mark.html")
        ui = strings_for(config)
        build.marks[lang] = {
            kind: etree.fromstring(template.render(kind=kind, ui=ui, lang=lang).strip())
            for kind in ("changed", "added", "removed")
        }
    return build.marks[lang]
