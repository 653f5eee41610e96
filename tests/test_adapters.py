"""What the book relies on in MkDocs', Material's and static-i18n's internals (textbook/
adapters/): each test fails when one of them changes, before a reader or author meets it."""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path

import material
import mkdocs
import mkdocs.commands.build as mkdocs_build
import mkdocs.commands.serve as mkdocs_serve
import mkdocs_static_i18n
from mkdocs.config import load_config
from mkdocs.config.config_options import Hooks
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.plugin import I18n

from textbook.adapters import i18n as i18n_adapter
from textbook.adapters import material as material_adapter
from textbook.adapters import mkdocs as mkdocs_adapter
from textbook.serve.steps import PageSteps

ROOT = Path(__file__).resolve().parent.parent

# -----------------------------------------------------------------------------
# MkDocs (adapters/mkdocs.py, used by the serve cache)
# -----------------------------------------------------------------------------


def test_mkdocs_is_the_pinned_release():
    assert mkdocs.__version__.startswith("1.6."), mkdocs.__version__


def test_every_build_step_the_serve_cache_replaces_exists():
    for name, (owner, attribute) in mkdocs_adapter.BUILD_STEPS.items():
        assert callable(getattr(owner, attribute)), name


def test_the_wrapped_functions_keep_their_signatures():
    def parameters(function):
        return [(p.name, p.default) for p in inspect.signature(function).parameters.values()]

    ours = {"_populate_page": PageSteps.populate_page, "_build_page": PageSteps.build_page}
    for name, method in ours.items():
        theirs = getattr(mkdocs_build, name)
        assert parameters(theirs) == parameters(method)[1:], name  # without self


def test_build_calls_the_wrapped_functions_by_name():
    source = inspect.getsource(mkdocs_build.build)
    assert "_populate_page(file.page, config, files, dirty)" in source
    assert "_build_page(\n                file.page, config, doc_files, nav, env, dirty" in source
    assert "utils.clean_directory(config.site_dir)" in source
    assert "file.page.validate_anchor_links(files=files" in source


def test_a_page_render_sets_exactly_the_attributes_that_are_restored():
    source = inspect.getsource(Page.render) + inspect.getsource(Page.read_source)
    assigned = set(re.findall(r"self\.(\w+)(?:, self\.\w+)? =", source))
    assigned |= set(re.findall(r"self\.\w+, self\.(\w+) =", source))
    assert assigned == {*mkdocs_adapter.RENDERED, "links_to_anchors"}


def test_the_theme_files_are_listed_as_serve_cache_repeats_it():
    source = inspect.getsource(Files.add_files_from_theme)
    assert "for path in env.list_templates(filter_func=filter):" in source
    assert "if self.get_file_from_path(path) is None:" in source
    assert "self.append(File(path, dir, config.site_dir, config.use_directory_urls))" in source


def test_hook_modules_are_loaded_once_per_process():
    """Why a hook's state must be made per build (textbook/build_state.py): MkDocs caches
    each hook module, so its globals outlive every serve rebuild."""
    assert hasattr(Hooks._load_hook, "cache_info")
    assert "config.plugins.on_startup(" in inspect.getsource(mkdocs_serve.serve)


def test_serve_starts_with_the_startup_event_telling_the_command():
    """The serve hook installs the cache only for `serve` without `--dirty` or `--clean`."""
    source = inspect.getsource(mkdocs_serve.serve)
    assert "on_startup(command=('build' if is_clean else 'serve'), dirty=is_dirty)" in source


def test_front_matter_is_read_as_the_adapter_reads_it():
    text = "---\ntitle: T\n---\n# Body\n"
    assert mkdocs_adapter.split_front_matter(text) == ("title: T\n", "# Body\n")
    assert mkdocs_adapter.split_front_matter("# Body\n") is None
    assert mkdocs_adapter.meta_lines("Title: T\n\n# Body\n") == ("# Body\n", {"title": "T"})


def test_the_command_line_still_drops_repeated_build_messages_as_the_adapter_expects():
    from mkdocs import __main__ as cli
    from mkdocs import utils

    assert "DuplicateFilter()" in inspect.getsource(cli)
    assert isinstance(utils.DuplicateFilter().msgs, set)
    assert mkdocs_build.log.name == "mkdocs.commands.build"


# -----------------------------------------------------------------------------
# Material (adapters/material.py)
# -----------------------------------------------------------------------------


def test_materials_stylesheets_are_where_the_adapter_looks():
    theme = Path(material.__file__).parent / "templates"
    assert len(list(theme.glob(material_adapter.MAIN_STYLESHEET))) == 1
    assert len(list(theme.glob(material_adapter.PALETTE_STYLESHEET))) == 1


def test_the_templates_the_book_replaces_are_still_materials():
    """overrides/ replaces these by name; every other template there is the book's own."""
    theme = material_adapter.templates_folder()
    assert theme == Path(material.__file__).parent / "templates"
    overrides = ROOT / "overrides"
    same_name = {
        p.relative_to(overrides).as_posix()
        for p in overrides.rglob("*.html")
        if (theme / p.relative_to(overrides)).is_file()
    }
    assert same_name == set(material_adapter.REPLACED_TEMPLATES)


def test_the_blocks_main_html_fills_are_still_base_htmls():
    blocks = re.compile(r"{%-?\s*block\s+(\w+)")
    theme = material_adapter.templates_folder()
    ours = set(blocks.findall((ROOT / "overrides" / "main.html").read_text("utf-8")))
    theirs = set(blocks.findall((theme / "base.html").read_text("utf-8")))
    assert ours and ours <= theirs, sorted(ours - theirs)
    assert '{% extends "base.html" %}' in (ROOT / "overrides" / "main.html").read_text("utf-8")


def test_material_renders_the_alternate_links_and_the_not_found_page_as_the_adapter_expects():
    theme = material_adapter.templates_folder()
    base = (theme / "base.html").read_text("utf-8")
    assert "{% for alt in config.extra.alternate %}" in base
    assert "{% for alt in config.extra.alternate %}" in (
        theme / "partials" / "alternate.html"
    ).read_text("utf-8")
    assert f'<{material_adapter.CONTENT_ELEMENT} class="md-content__inner md-typeset">' in base
    manifest = (theme / "mkdocs_theme.yml").read_text("utf-8")
    assert re.search(rf"static_templates:\s*\n\s*- {material_adapter.NOT_FOUND_TEMPLATE}", manifest)


def test_materials_search_still_reads_a_pages_exclude_option():
    from material.plugins.search.plugin import SearchIndex

    source = inspect.getsource(SearchIndex.add_entry_from_context)
    assert 'search = page.meta.get("search") or {}' in source
    assert 'if search.get("exclude"):' in source


# -----------------------------------------------------------------------------
# static-i18n (adapters/i18n.py)
# -----------------------------------------------------------------------------


def test_static_i18n_builds_the_other_languages_inside_its_post_build():
    """is_first_build / is_last_build (adapters/i18n.py) read `current_language` and
    `building`; the other languages are built by build() inside on_post_build."""
    source = inspect.getsource(I18n.on_post_build)
    assert "self.building = True" in source
    assert "self.current_language = locale" in source
    assert "build(config, dirty=dirty)" in source
    assert I18n.on_post_build.mkdocs_priority == -100
    assert mkdocs_static_i18n.__file__


def test_a_hooks_first_on_config_is_the_first_languages_build():
    """static-i18n sets `current_language` in its own on_config (-100), after the hooks'
    (0): until then the adapter answers the default language."""
    assert I18n.on_config.mkdocs_priority == -100
    assert "self.current_language = self.default_language" in inspect.getsource(I18n.on_config)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["i18n"]
    assert plugin.current_language is None and plugin.building is False
    assert i18n_adapter.current_language(config) == plugin.default_language == "zh"
    assert i18n_adapter.is_first_build(config) and i18n_adapter.is_last_build(config)


def test_static_i18n_gives_each_file_its_alternates():
    from mkdocs_static_i18n import folder

    assert "file.alternates = {current_language: file}" in inspect.getsource(folder)
    assert i18n_adapter.alternates(object()) == {}
