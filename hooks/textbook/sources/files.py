"""Reading the book's own text files so that no author's mistake passes silently.

A file saved in another encoding (GBK and GB18030 are common on Chinese Windows)
is named with the line of its first bad byte, not a traceback. YAML is read with
the C parser, and a key written twice in one mapping is an error: PyYAML would
keep the last one and drop the first without a word.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import yaml
from mkdocs.exceptions import PluginError


class SourceError(PluginError):
    """A source file an author has to fix; the message says where and how."""


def read_text(path: Path, name: str) -> str:
    """The file's text as MkDocs reads it (a BOM dropped, Windows line ends made '\n'), or
    SourceError naming the line of the first byte that is not UTF-8."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise SourceError(
            f"{name}:{line}: this file is not saved as UTF-8 (GBK or GB18030?): its first byte "
            "that is not UTF-8 is on this line. Save it as UTF-8 in your editor."
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class DuplicateKeyError(yaml.MarkedYAMLError):
    """The same key twice in one mapping."""

    def __init__(self, key: str, first: yaml.Mark, second: yaml.Mark):
        super().__init__(problem=f"duplicate key {key!r}", problem_mark=second)
        self.key, self.first_mark = key, first


class StrictLoader(yaml.CSafeLoader):
    """PyYAML's C loader (parsing stays in C), refusing duplicate keys."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            _raise_on_duplicates(node)
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str):
    """YAML data; raises yaml.MarkedYAMLError (DuplicateKeyError for a repeated key)."""
    return yaml.load(text, Loader=StrictLoader)


def compose_yaml(text: str) -> yaml.Node | None:
    """The YAML node tree, parsed in C: where each key and value is, for line numbers."""
    return yaml.compose(text, Loader=yaml.CSafeLoader)


def yaml_error(err: yaml.YAMLError, name: str, first_line: int = 1, what: str = "") -> str:
    """One line for an author: file, line, the problem, the fix. `first_line` is where the
    YAML starts in the file (front matter starts on line 2); `what` names the YAML part."""
    if isinstance(err, DuplicateKeyError):
        first, second = err.first_mark.line + first_line, err.problem_mark.line + first_line
        return (
            f"{name}:{second}: the key '{err.key}' is written twice{what} (lines {first} and "
            f"{second}); YAML would silently keep only the second. Keep one of them."
        )
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    problem = getattr(err, "problem", None) or "invalid YAML"
    context, start = getattr(err, "context", None) or "", getattr(err, "context_mark", None)
    opener = next((sign for kind, sign in _OPENERS.items() if context.endswith(kind)), None)
    if opener and start:
        # The mistake is where the bracket or quote opens, not where YAML gave up.
        return (
            f"{name}:{start.line + first_line}: YAML syntax error{what}: the {opener} on this "
            f"line is never closed ({problem}). Close it, or put the whole value in quotes if "
            "it is text."
        )
    line = f":{mark.line + first_line}" if mark else ""
    return (
        f"{name}{line}: YAML syntax error{what}: {problem}. Check the indentation and quoting "
        "on this line and the one before it."
    )


# What opened an unclosed part, by PyYAML's name for it.
_OPENERS = {"flow sequence": "'['", "flow mapping": "'{'", "quoted scalar": "quote"}


def duplicate_keys(node: yaml.Node) -> list[DuplicateKeyError]:
    """Every repeated key in a composed YAML tree, for files another program reads."""
    found = []
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            try:
                _raise_on_duplicates(node)
            except DuplicateKeyError as err:
                found.append(err)
            stack.extend(value for pair in node.value for value in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return found


def _raise_on_duplicates(node: yaml.MappingNode) -> None:
    seen: dict[str, yaml.Mark] = {}
    for key, _ in node.value:
        # Merge keys (<<) may repeat; only plain scalar keys are compared.
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        if key.value in seen:
            raise DuplicateKeyError(key.value, seen[key.value], key.start_mark)
        seen[key.value] = key.start_mark


# -----------------------------------------------------------------------------
# Files MkDocs reads itself
# -----------------------------------------------------------------------------


def config_problems(path: Path) -> list[str]:
    """mkdocs.yml's mistakes MkDocs accepts: a key written twice, a page twice in the nav."""
    name = path.name
    # Composed, not constructed: the file's own tags (!ENV, !!python/...) need no handling.
    root = compose_yaml(read_text(path, name))
    if root is None:
        return []
    problems = [(err.problem_mark.line + 1, yaml_error(err, name)) for err in duplicate_keys(root)]
    nav = next((v for k, v in getattr(root, "value", []) if k.value == "nav"), None)
    seen: dict[str, int] = {}
    for entry, line in _nav_pages(nav):
        if entry in seen:
            problems.append(
                (
                    line,
                    f"{name}:{line}: the nav lists '{entry}' twice (also on line {seen[entry]}); "
                    "a page has one place in the nav. Remove one of the two entries.",
                )
            )
        seen.setdefault(entry, line)
    return [message for _, message in sorted(problems)]


def template_problems(env, folder: Path, shown_as: str) -> list[str]:
    """Every template in the theme's custom folder, compiled now: a template saved in another
    encoding or with a syntax error is named here instead of failing with a traceback."""
    problems = []
    for path in sorted(folder.rglob("*.html")):
        rel = path.relative_to(folder).as_posix()
        name = f"{shown_as}/{rel}"
        try:
            read_text(path, name)
            env.get_template(rel)
        except SourceError as err:
            problems.append(str(err))
        except jinja2.TemplateSyntaxError as err:
            problems.append(f"{name}:{err.lineno}: template syntax error: {err.message}.")
    return problems


def _nav_pages(node) -> list[tuple[str, int]]:
    """(page, line) for every page the nav lists, sections included; links to sites skipped."""
    found = []
    stack = [node] if node is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if "://" not in node.value:
                found.append((node.value, node.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(reversed([value for _, value in node.value]))
    return found


def line_of(node: yaml.Node | None, loc) -> int:
    """The line of the deepest YAML node along `loc` (keys and indices) that exists."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            match = node.value[part] if part < len(node.value) else None
        else:
            match = None
        if match is None:
            break
        node, line = match, match.start_mark.line + 1
    return line
