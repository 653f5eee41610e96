"""The vendored Temml is the npm package package.json names, byte for byte.

hooks/textbook/math/temml/ holds Temml's minified release so that building the book needs
no Node; package.json records its version, and `npm ci` (tests/install.sh) brings the
same release into node_modules/ for this comparison. To upgrade: `npm install
--save-dev --save-exact temml@NEW`, copy dist/temml.min.js and LICENSE over.
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from textbook.math.converter import TEMML_JS, temml_version

PACKAGE = ROOT / "node_modules" / "temml"
VENDORED = TEMML_JS.parent


@pytest.mark.parametrize(
    ("vendored", "released"), [("temml.min.js", "dist/temml.min.js"), ("LICENSE", "LICENSE")]
)
def test_the_vendored_file_is_the_released_one(vendored, released):
    assert (VENDORED / vendored).read_bytes() == (PACKAGE / released).read_bytes()


def test_the_engine_runs_the_version_package_json_names():
    wanted = json.loads((ROOT / "package.json").read_text("utf-8"))["devDependencies"]["temml"]
    installed = json.loads((PACKAGE / "package.json").read_text("utf-8"))["version"]
    assert temml_version() == wanted == installed
