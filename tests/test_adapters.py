"""What the book relies on in MkDocs', Material's and static-i18n's internals (textbook/
adapters/): each test fails when one of them changes, before a reader or author meets it."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import material
import mkdocs
import mkdocs.commands.build as mkdocs_build
import mkdocs.commands.serve as mkdocs_serve
import mkdocs_static_i18n
from mkdocs.config.config_options import Hooks
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.plugin import I18n

from textbook.adapters import material as material_adapter
from textbook.adapters import mkdocs as mkdocs_adapter
from textbook.serve import cache as serve_cache

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

    for name in ("_populate_page", "_build_page"):
        theirs = getattr(mkdocs_build, name)
        assert parameters(theirs) == parameters(getattr(serve_cache, name)), name


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
