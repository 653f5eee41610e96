"""What a command needs beyond the site's set-up, and the one command that installs it.

The first README command installs the site's packages only; `export` needs more (Chromium,
fonts, Playwright, lxml, pypdf). A command that lacks them stops with one line naming the
install command, instead of a traceback from deep inside an import.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement

ROOT = Path(__file__).resolve().parents[2]

# command -> (its requirement file, programs it runs, the command that installs both)
NEEDS = {
    "export": (
        ROOT / "requirements-export.txt",
        (Path("/usr/bin/chromium"),),
        "bash .ci/install.sh --export",
    ),
}


def missing(command: str) -> str | None:
    """One line saying what `command` lacks and how to install it, or None when nothing is."""
    if command not in NEEDS:
        return None
    requirements, programs, install = NEEDS[command]
    lacking = [name for name in _distributions(requirements) if not _installed(name)]
    lacking += [str(program) for program in programs if not program.exists()]
    return hint(command, lacking) if lacking else None


def hint(command: str, lacking: list[str]) -> str:
    """The one line for a command that lacks these packages or programs."""
    install = NEEDS[command][2]
    lacking_text = ", ".join(lacking)
    return f"{command} needs {lacking_text}, which the site's set-up leaves out: run {install}"


def _distributions(path: Path) -> list[str]:
    """The distributions a requirement file names itself (its `-r` includes are left out)."""
    names = []
    # A book made from a copy without the requirement files: the import itself is checked.
    lines = path.read_text("utf-8").splitlines() if path.exists() else []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        try:
            names.append(Requirement(line).name)
        except InvalidRequirement:
            continue
    return names


def _installed(name: str) -> bool:
    try:
        metadata.version(name)
    except metadata.PackageNotFoundError:
        return False
    return True
