"""The set-up stays true: the locks match the ranges and the venv, and every author command
works after the first README command alone (the site's lock), or names what installs the rest.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT, copy_book

LOCKS = {
    "requirements.txt": "requirements.lock.txt",
    "requirements-export.txt": "requirements-export.lock.txt",
    "requirements-test.txt": "requirements-test.lock.txt",
}
HINT = "bash .ci/install.sh --export"


def _locked(lock: str) -> dict[str, str]:
    """name -> version of every package the lock installs on this machine (markers applied)."""
    versions = {}
    for match in re.finditer(
        r"^([A-Za-z0-9._-]+)==([^\s;\\]+)(?: ; ([^\\\n]+))?", _read(lock), re.M
    ):
        name, version, marker = match.groups()
        if marker is None or Marker(marker).evaluate():
            versions[canonicalize_name(name)] = version
    return versions


def _ranges(path: str, follow: bool = True) -> list[Requirement]:
    """The requirements a range file names, with (or without) those of its `-r` includes."""
    found = []
    for line in _read(path).splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found += _ranges(line[3:].strip()) if follow else []
        elif line:
            found.append(Requirement(line))
    return found


def _read(name: str) -> str:
    return (ROOT / name).read_text("utf-8")


# -----------------------------------------------------------------------------
# The locks
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("ranges", LOCKS)
def test_every_range_is_locked_at_a_version_it_allows(ranges):
    """A library added to a range file without regenerating the lock fails here."""
    locked = _locked(LOCKS[ranges])
    for requirement in _ranges(ranges):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{ranges} names {name}, {LOCKS[ranges]} lacks it: run .ci/lock.sh"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"{LOCKS[ranges]} has {name}=={locked[name]}, outside {ranges}'s {requirement}"
        )


def test_the_locks_agree_on_every_version():
    test_lock = _locked("requirements-test.lock.txt")
    for lock in ("requirements.lock.txt", "requirements-export.lock.txt"):
        for name, version in _locked(lock).items():
            assert test_lock.get(name) == version, f"{lock}: {name}=={version}"


def test_every_locked_package_carries_hashes():
    """pip installs a lock in hash-checking mode: every line needs its hashes."""
    for lock in LOCKS.values():
        for entry in re.split(r"\n(?=[A-Za-z0-9])", _read(lock).split("\n", 2)[2]):
            if "==" in entry:
                assert "--hash=sha256:" in entry, f"{lock}: {entry.splitlines()[0]}"


def test_the_venv_holds_exactly_the_locked_versions():
    """The suite runs on what the lock says, not on whatever was newest the day it installed."""
    if os.environ.get("BOOK_DEPS") == "ranges":
        pytest.skip("BOOK_DEPS=ranges: the drift check installs the newest versions on purpose")
    for name, version in _locked("requirements-test.lock.txt").items():
        assert metadata.version(name) == version, name


def test_dependabot_and_the_drift_check_are_configured():
    dependabot = yaml.safe_load(_read(".github/dependabot.yml"))
    ecosystems = {update["package-ecosystem"] for update in dependabot["updates"]}
    assert ecosystems == {"pip", "npm", "github-actions"}
    drift = yaml.safe_load(_read(".github/workflows/drift.yml"))
    # PyYAML reads the key `on` as True (YAML 1.1).
    assert drift[True]["schedule"][0]["cron"]
    steps = drift["jobs"]["newest"]["steps"]
    assert any(step.get("env", {}).get("BOOK_DEPS") == "ranges" for step in steps)


# -----------------------------------------------------------------------------
# After the first README command: the site's lock only
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_python(tmp_path_factory) -> list[str]:
    """A Python that sees only the distributions of requirements.lock.txt, as the `.venv` of the
    first README command would: each one's installed files are linked into a folder that
    replaces site-packages (-S), so anything else fails to import as on that machine. Its .pth
    files count, as in a venv: the editable install of the book's package is one."""
    folder = tmp_path_factory.mktemp("site-packages")
    # The book's own package comes with them: the set-up installs it in editable mode.
    for name in [*_locked("requirements.lock.txt"), "textbook-platform"]:
        for file in metadata.distribution(name).files or []:
            top = file.parts[0]
            source = Path(file.locate()).parents[len(file.parts) - 1] / top
            if ".." not in file.parts and source.exists() and not (folder / top).exists():
                (folder / top).symlink_to(source)
    return [sys.executable, "-S", "-c", _WITH_SITE_PACKAGES.format(folder=str(folder))]


_WITH_SITE_PACKAGES = (
    "import runpy, site, sys; site.addsitedir({folder!r}); sys.argv = sys.argv[1:]; "
    "runpy.run_module('mkdocs', run_name='__main__') if sys.argv[0] == '-m' "
    "else runpy.run_path(sys.argv[0], run_name='__main__')"
)


@pytest.fixture()
def project(tmp_path) -> Path:
    """A copy of the fixture book's project, for commands that write."""
    copy_book(tmp_path)
    for name in LOCKS:
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def _run(python, project, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1/book/"}
    return subprocess.run(
        [*python, *args], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_site_lock_leaves_the_export_libraries_out(site_python, project):
    """The simulation is honest: the export's libraries really are missing."""
    result = _run(site_python, project, "-m", "lxml")
    assert result.returncode != 0


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["reviewed", "docs/chapters/sft-to-rl.en.md"],
        ["new-chapter", "reward-models", "--zh", "奖励模型", "--en", "Reward Models"],
        ["changes"],
        ["export-quizzes", "--out", "quiz-export"],
        ["--help"],
    ],
    ids=lambda command: command[0],
)
def test_author_commands_work_with_the_site_lock(site_python, project, command):
    result = _run(site_python, project, "hooks/book.py", *command)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.build
def test_build_works_with_the_site_lock(site_python, project):
    result = _run(site_python, project, "-m", "build", "--strict", "-q", "-d", "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "en" / "chapters" / "sft-to-rl" / "index.html").exists()


def test_export_names_the_command_that_installs_what_it_lacks(site_python, project):
    result = _run(site_python, project, "hooks/book.py", "export")
    lacking = ", ".join(r.name for r in _ranges("requirements-export.txt", follow=False))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"export needs {lacking}, which the site's set-up leaves out: run {HINT}"
    )
