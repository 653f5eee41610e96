"""The translation feature's plain modules, without a build: its settings read once, its
process caches, the notice's context, a page's render, how a build ends, and a hook that only
calls them."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest

from textbook import report
from textbook.build_state import ProcessCache
from textbook.sources import store
from textbook.sources.outline import Outline, Recorder
from textbook.translation import outcome, rendering
from textbook.translation.settings import ParitySettings, parity_settings
from textbook.translation.stale import freshness, notice, prepare
from textbook.translation.stale.marks import StaleMarks
from textbook.translation.stale.prepare import PreparedPages
from textbook.translation.state import Session, TranslationBuild

HOOK = Path(__file__).resolve().parent.parent / "hooks/textbook/translation/hook.py"


def _config(parity=None, **more):
    return SimpleNamespace(extra={} if parity is None else {"parity": parity}, **more)


# -- settings ---------------------------------------------------------------------------------


def test_unset_parity_settings_are_the_defaults():
    assert parity_settings(_config()) == ParitySettings()
    assert parity_settings(_config("not a mapping")) == ParitySettings()
    assert parity_settings(SimpleNamespace(extra=None)) == ParitySettings()


def test_parity_settings_are_typed():
    settings = parity_settings(
        _config(
            {"source_language": "en", "code_strings": "translated", "same_page": [["a/", "b/"]]}
        )
    )
    assert settings.source_language == "en"
    assert settings.strings_translated is True
    assert settings.same_page == [["a/", "b/"]]
    assert settings.problems == []


def test_wrong_parity_settings_are_problems_and_taken_as_unset():
    settings = parity_settings(_config({"code_strings": "all", "same_page": "x"}))
    assert (settings.strings_translated, settings.same_page) == (False, [])
    assert settings.problems == [
        "mkdocs.yml: extra → parity → same_page: expected a list of groups of URL prefixes, "
        "e.g. [[https://zh.wikipedia.org/wiki/, https://en.wikipedia.org/wiki/]]; found 'x'.",
        "mkdocs.yml: extra → parity → code_strings: expected 'translated' (every string "
        "literal in code is translated) or 'same' (the default); found 'all'.",
    ]


def test_extra_parity_is_read_in_settings_only():
    package = HOOK.parent.parent
    readers = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if '.get("parity")' in path.read_text("utf-8") or "['parity']" in path.read_text("utf-8")
    ]
    assert readers == ["translation/settings.py"]


# -- the process caches -----------------------------------------------------------------------


def test_the_caches_say_why_they_live_across_builds():
    for cache in (freshness._blobs, store._outlines):
        assert type(cache).lives_across_builds
    assert Session.lives_across_builds and PreparedPages.lives_across_builds


def test_a_value_is_kept_for_its_version_and_none_is_asked_again():
    """The blobs' and outlines' cache: a blob git lacks (None) is asked for again."""
    cache, asked = ProcessCache("test"), []

    def ask(value):
        return lambda: asked.append(value) or value

    assert cache.get("a", 1, ask("text")) == "text"
    assert cache.get("a", 1, ask("other")) == "text"
    assert cache.get("b", 1, ask(None)) is None
    assert cache.get("b", 1, ask(None)) is None
    assert cache.get("a", 2, ask("new")) == "new"
    assert asked == ["text", None, None, "new"]


def test_an_outline_is_kept_for_the_body_it_was_made_from(tmp_path):
    kept = Outline(blocks=[])
    path = tmp_path / "page.md"
    store.remember(str(path), "# Title\n", kept)
    made = []

    def convert(body):
        made.append(body)
        return Outline(blocks=[])

    def source(body):
        return SimpleNamespace(path=path, body=body, first_line=1)

    assert store.outline_of(source("# Title\n"), convert) is kept
    assert made == []
    assert store.outline_of(source("# Changed\n"), convert) is not kept
    assert made == ["# Changed\n"]


# -- the stale marks' markup ------------------------------------------------------------------


def test_the_marks_markup_is_made_once_per_language(monkeypatch):
    envs = []

    class Theme:
        def get_env(self):
            envs.append(1)
            template = SimpleNamespace(render=lambda **kw: f'<span class="{kw["kind"]}"/>')
            return SimpleNamespace(get_template=lambda name: template)

    lang = ["zh"]
    monkeypatch.setattr(prepare, "current_language", lambda config: lang[0])
    monkeypatch.setattr(prepare, "strings_for", lambda config: {})
    config, build = SimpleNamespace(theme=Theme()), TranslationBuild()
    first = prepare._mark_elements(config, build)
    assert prepare._mark_elements(config, build) is first
    assert len(envs) == 1
    lang[0] = "en"
    prepare._mark_elements(config, build)
    assert len(envs) == 2 and set(build.marks) == {"zh", "en"}


# -- the notice -------------------------------------------------------------------------------


def _page(src_uri: str, abs_src_path: str = "/book/docs/x.md"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, abs_src_path=abs_src_path))


def test_the_notice_reads_this_builds_stale_pages(monkeypatch):
    monkeypatch.setattr(notice, "language_codes", lambda config: ("zh", "en"))
    monkeypatch.setattr(notice, "source_first", lambda config: ("zh", "en"))
    build = TranslationBuild()
    build.stale[("chapters/x.md", "en")] = "2024-05-01"
    build.sections["chapters/x.en.md"] = [{"title": "Intro", "id": "intro"}]
    context = notice.notice_context({}, _page("chapters/x.en.md"), None, build)
    assert context == {
        "i18n_stale_since": "2024-05-01",
        "i18n_stale_sections": [{"title": "Intro", "id": "intro"}],
        "i18n_source_lang": "zh",
    }
    fresh = notice.notice_context({}, _page("chapters/x.md"), None, build)
    assert fresh["i18n_stale_since"] is None and fresh["i18n_stale_sections"] is None


def test_a_reused_render_gives_its_sections_to_the_build_under_way():
    page, sections = _page("chapters/x.en.md"), [{"title": "Intro", "id": "intro"}]
    before, after = TranslationBuild(), TranslationBuild()
    before.sections["chapters/x.en.md"] = sections
    saved = notice.saved_sections(before, page)
    notice.restore_sections(after, page, saved)
    assert after.sections == {"chapters/x.en.md": sections}
    notice.restore_sections(after, _page("other.md"), None)
    assert "other.md" not in after.sections


# -- a page's render --------------------------------------------------------------------------


def test_the_extensions_are_added_once(tmp_path):
    recorder, marks = Recorder(), StaleMarks()
    config = SimpleNamespace(markdown_extensions=["toc"], docs_dir=str(tmp_path))
    rendering.install(config, recorder, marks)
    rendering.install(config, recorder, marks)
    assert config.markdown_extensions == ["toc", recorder, marks]
    assert recorder.with_text is False
    (tmp_path / "glossary.yml").write_text("{}\n")
    rendering.install(config, recorder, marks)
    assert recorder.with_text is True


def test_a_rendered_page_keeps_its_outline_for_the_file_text(monkeypatch):
    monkeypatch.setattr(rendering, "language_codes", lambda config: ("zh", "en"))
    kept = []
    monkeypatch.setattr(rendering, "remember", lambda *args: kept.append(args))
    recorder, marks, build = Recorder(), StaleMarks(), TranslationBuild()
    page = _page("chapters/x.md", "/book/docs/chapters/x.md")
    rendering.begin_page("# Title\n", page, None, build, (recorder, marks, PreparedPages()))
    assert recorder.active and recorder.body == "# Title\n" and marks.job is None
    outline = Outline(blocks=[])
    recorder.last = outline
    rendering.end_page(page, build, recorder)
    assert kept == [("/book/docs/chapters/x.md", "# Title\n", outline)]
    assert not recorder.active and build.bodies == {}


def test_a_pending_source_page_gets_the_marks_job(monkeypatch):
    monkeypatch.setattr(rendering, "language_codes", lambda config: ("zh", "en"))
    recorder, marks, build, prepared = Recorder(), StaleMarks(), TranslationBuild(), PreparedPages()
    page = _page("chapters/x.md", "/book/docs/chapters/x.md")
    build.pending["/book/docs/chapters/x.md"] = [("entry",)]
    rendering.begin_page("# Title\n", page, None, build, (recorder, marks, prepared))
    assert callable(marks.job) and build.pending == {}


# -- how a build ends -------------------------------------------------------------------------


def _failed_build(tmp_path, monkeypatch, command):
    removed = []
    monkeypatch.setattr(report, "remove_written", lambda site, since: removed.append((site, since)))
    monkeypatch.setattr(outcome, "_report_all", lambda config, structure: None)
    build = TranslationBuild(site_dir=str(tmp_path), started_ns=7, config=object(), reported=True)
    outcome.failed(build, command)
    return removed


def test_a_failed_build_removes_what_it_wrote(tmp_path, monkeypatch):
    assert _failed_build(tmp_path, monkeypatch, "build") == [(tmp_path, 7)]


def test_a_failed_serve_rebuild_keeps_the_last_good_site(tmp_path, monkeypatch):
    assert _failed_build(tmp_path, monkeypatch, "serve") == []


def test_a_failed_build_reports_the_book_once(monkeypatch):
    calls = []
    monkeypatch.setattr(outcome, "_report_all", lambda config, structure: calls.append(structure))
    monkeypatch.setattr(outcome, "language_codes", lambda config: ("zh", "en"))
    build = TranslationBuild(config=object(), rendered={"zh"})
    outcome.failed(build, "serve")
    outcome.failed(build, "serve")
    assert calls == [False] and build.reported


def test_a_build_with_problems_stops_with_all_of_them(monkeypatch):
    status = SimpleNamespace(warnings=[], problems=["docs/x.en.md:3: a problem."])
    monkeypatch.setattr(outcome, "check_book", lambda config, stale: status)
    report.take()
    report.add("docs/x.md:1: another.")
    build = TranslationBuild()
    with pytest.raises(Exception) as stopped:
        outcome.finish(None, build)
    assert "a problem." in str(stopped.value) and "another." in str(stopped.value)
    assert build.reported


# -- the hook ---------------------------------------------------------------------------------


def test_the_hook_is_handlers_of_a_few_lines():
    tree = ast.parse(HOOK.read_text("utf-8"))
    handlers = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")]
    assert len(handlers) == 10
    long = [n.name for n in handlers if n.end_lineno - n.body[0].lineno >= 4]
    assert long == []
    helpers = [
        n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("on_")
    ]
    assert helpers == ["_saved_sections", "_restore_sections"]
