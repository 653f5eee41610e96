"""The house rules of the code (guides/contributors.md, "Package map" and "State"), checked on
the source itself so that they stay true as features are added."""

from __future__ import annotations

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "textbook"
GUIDE = ROOT / "guides" / "contributors.md"


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _dotted(path: Path) -> str:
    parts = path.relative_to(ROOT / "hooks").with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _hooks() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml's tags (!ENV, !!python/...) are not what this test reads.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader)["hooks"]


def test_every_hook_is_the_glue_of_a_feature_folder():
    hooks = _hooks()
    assert hooks, "mkdocs.yml lists no hooks"
    for hook in hooks:
        path = Path(hook)
        assert path.name == "hook.py" and path.parent.parent == Path("hooks/textbook"), hook
        assert (ROOT / path).is_file(), hook


def test_no_module_imports_a_hook():
    """A hook is loaded by MkDocs from its path; imported by name too, it would be a second
    copy of the module with its own state."""
    importers = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(name.split(".")[-1] == "hook" for name in names):
                importers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert importers == []


def test_no_module_shadows_a_package():
    """No folder has a module of its own name beside it, and no module in a folder MkDocs puts
    on sys.path while it loads a hook has the name of a standard or installed module."""
    installed = set(sys.stdlib_module_names) | set(metadata.packages_distributions())
    clashes = []
    for folder in [PACKAGE, *(p for p in PACKAGE.rglob("*") if p.is_dir())]:
        if folder.with_suffix(".py").exists():
            clashes.append(f"{folder.with_suffix('.py').relative_to(ROOT)} beside its folder")
    for hook in _hooks():
        for module in (ROOT / hook).parent.glob("*.py"):
            if module.stem in installed:
                clashes.append(f"{module.relative_to(ROOT)} shadows the module {module.stem}")
    # hooks/ itself holds the CLI script and the package only.
    scripts = sorted(p.name for p in (ROOT / "hooks").glob("*.py"))
    assert scripts == ["book.py"]
    assert clashes == []


def test_nothing_edits_sys_path_outside_the_tests():
    edits = []
    for folder in ("hooks", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                target = (
                    node.func.value
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    else node.value
                    if isinstance(node, ast.Subscript)
                    else None
                )
                if ast.unparse(target) == "sys.path" if target is not None else False:
                    edits.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert edits == []


def _module_state(path: Path) -> list[str]:
    """Names a module binds at its top level to something a build could change: a container,
    an object made by a call (a BuildState, a cache), but not a constant, a compiled pattern,
    a frozen set or a logger; and any name a function rebinds with `global`."""
    immutable_calls = {
        "re.compile", "frozenset", "tuple", "Path", "logging.getLogger", "TypeVar",
        "namedtuple", "ContextVar", "object", "NewType", "field",
    }  # fmt: skip
    tree = ast.parse(path.read_text("utf-8"))
    names = [name for node in ast.walk(tree) if isinstance(node, ast.Global) for name in node.names]
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            value = node.value
            mutable = isinstance(value, ast.Dict | ast.List | ast.Set | ast.DictComp)
            if isinstance(value, ast.Call):
                called = ast.unparse(value.func)
                mutable = (
                    called not in immutable_calls
                    and not called.endswith((".compile", "Path", ".get", "getLogger"))
                    and not called.isupper()
                    and called not in ("dict", "str", "int")
                )
                mutable = mutable or called in ("dict", "set", "list", "defaultdict")
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                name = ast.unparse(target)
                if mutable and not name.isupper() and name != "__all__":
                    names.append(name)
    return list(dict.fromkeys(names))


def test_module_state_is_only_where_the_guide_says_why():
    """Every module-level object a build could change is listed, with its reason, in the
    contributors' guide's "State" section."""
    section = GUIDE.read_text("utf-8").split("\n## State", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"`(textbook\.[\w.]+:\w+)`", section))
    found = {f"{_dotted(p)}:{name}" for p in _modules() for name in _module_state(p)}
    assert sorted(found - listed) == [], "module state the guide does not explain"
    assert sorted(listed - found) == [], "the guide lists state that is gone"
