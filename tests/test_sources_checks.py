"""mkdocs.yml and the theme's templates are checked before anything is written
(sources/checks.py), without a running build."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2
import pytest

from textbook.sources.checks import check_config, check_templates
from textbook.sources.files import SourceError


def test_a_key_written_twice_stops_with_its_line(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: A\nsite_name: B\n")
    with pytest.raises(SourceError, match=r"mkdocs\.yml:2"):
        check_config(SimpleNamespace(config_file_path=str(path)))
    path.write_text("site_name: A\n")
    check_config(SimpleNamespace(config_file_path=str(path)))
    check_config(SimpleNamespace(config_file_path=None))


def test_a_template_with_a_syntax_error_is_named(tmp_path):
    folder = tmp_path / "overrides"
    (folder / "partials").mkdir(parents=True)
    (folder / "main.html").write_text("{{ ok }}")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder))
    config = SimpleNamespace(theme=SimpleNamespace(custom_dir=str(folder)))
    check_templates(env, config)
    (folder / "partials" / "x.html").write_text("{% if %}")
    with pytest.raises(SourceError, match=r"overrides/partials/x\.html:1: template syntax"):
        check_templates(env, config)
