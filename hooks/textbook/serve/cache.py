"""Under `mkdocs serve`, render again only the pages an edit touches (MkDocs 1.6 internals).

On every save MkDocs rebuilds the whole site, and static-i18n does it once per
language: 7-8 s on a 200-chapter book, where a save changes one or two pages.

A page's HTML follows from four inputs: its own Markdown file; its other
language variants (the switcher, the stale-translation notice and a stale page's
block marks read them);
the navigation (titles, URLs and order: the sidebar and the footer's previous
and next links); and the rest of the project (mkdocs.yml, templates, hooks,
quiz files, images, the set of pages). This module keeps, per built page, what
its last render produced and a hash of those inputs, and restores the page
instead of rendering it when the hash is unchanged. The checks that span the
whole book (parity, quiz usage, anchor links) still run on every build.

A hook that collects something from every page's render (in its page events or
a treeprocessor) registers a keeper with serve_mode.keep_page_state, so that a
reused page gives its record back; a hook whose pages read a book-wide value
(the uses of glossary terms, figure numbers across chapters) declares it with
serve_mode.depend_on_book on every build. The HTML's key also covers each
page's content as hooks leave it after every page was read (on_env). A hook
whose pages read anything else (a clock, a file outside docs/, overrides/ and
hooks/) must add it to _project_key.

MkDocs has no event to skip a page, so this replaces, while serving, what
`build()` looks up by name on every call:

- `_populate_page`: read the file, run the page events, render the Markdown.
  When the page's file and the project are unchanged, the attributes that
  `Page.render()` sets are restored instead (RENDERED below), so the nav keeps
  every page's real title.
- `_build_page`: render the template (with the page_context and post_page
  events) and write the HTML. When the page's inputs and the navigation are
  unchanged, the previous HTML is kept. A page that must be rendered but whose
  Markdown render was restored is populated first, so every page event runs
  for every page that is rendered.
- `utils.clean_directory`: the site folder is not emptied; finish() removes
  the pages that are gone.
- `Files.add_files_from_theme`: the theme's files are listed once.

Jinja's compiled templates are shared between builds (share_compiled_templates).
Nothing is kept from a render that logged a warning or failed, nor from any
render of a rebuild that failed, so an error shows on every save until it is
fixed. Module-level state of other hooks and Markdown extensions is never
touched. MkDocs is pinned to 1.6.x, the last 1.x
release; tests/test_serve.py fails if what this module relies on changes.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from textbook.adapters.mkdocs import (
    RENDERED,
    forget_logged_messages,
    hook_folders,
    replace_build_steps,
    restore_build_steps,
    write_file,
)
from textbook.build_state import lives_across_builds
from textbook.serve import mode as serve_mode


@dataclass
class _Entry:
    """One built page's last render."""

    source_key: str  # hash of the inputs of the Markdown render
    rendered: dict  # the RENDERED attributes
    links: dict[str, dict[str, str]]  # Page.links_to_anchors, by target src_uri
    kept: list  # what serve_mode.page_state_keepers saved
    output_key: str | None = None  # hash of the inputs of the HTML
    output: bytes | None = None


@dataclass
class _Build:
    """One language's build(): its Files, the project's hash, what was restored."""

    files: Files
    project_key: str
    restored: set[str] = field(default_factory=set)  # dest_uris not rendered
    navs: dict[int, str] = field(default_factory=dict)  # id(nav) -> hash


@dataclass
class Stats:
    """How many pages the builds since the last reset rendered and reused."""

    rendered: int = 0
    reused: int = 0


@lives_across_builds("it is the serve session: what the last builds rendered, to reuse it")
@dataclass
class ServeSession:
    """Everything the serve cache keeps, from `install()` to `uninstall()`."""

    # MkDocs' own functions, while ours replace them (adapters/mkdocs.py).
    originals: dict = field(default_factory=dict)
    # Last render of each built page, by destination (one per page and language).
    entries: dict[str, _Entry] = field(default_factory=dict)
    # The language build() that is running.
    build: _Build | None = None
    stats: Stats = field(default_factory=Stats)
    # The output key of each page file in the site folder, and the pages this rebuild wrote.
    on_disk: dict[str, str | None] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)
    # Pages whose Markdown this rebuild rendered: forgotten if the rebuild fails.
    fresh: set[str] = field(default_factory=set)
    # Compiled templates by Jinja's key for them, for every build's environment.
    templates: dict[str, bytes] = field(default_factory=dict)
    # The theme's static files, (path, theme folder), by a hash of the theme's folders.
    theme_files: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


_session = ServeSession()


def install() -> None:
    """Replace the four MkDocs functions (idempotent); `mkdocs build` never calls this."""
    if _session.originals:
        return
    _session.originals = replace_build_steps(
        {
            "_populate_page": _populate_page,
            "_build_page": _build_page,
            "clean_directory": _keep_directory,
            "add_files_from_theme": _add_files_from_theme,
        }
    )


def active() -> bool:
    return bool(_session.originals)


def stats() -> Stats:
    return _session.stats


def uninstall() -> None:
    """Put MkDocs' own functions back and forget every render."""
    restore_build_steps(_session.originals)
    _session.__init__()  # a new session: every render forgotten


def share_compiled_templates(env: jinja2.Environment) -> None:
    """Compile each theme template once per serve session, not once per build.

    Every build makes a new Jinja environment, which compiles the theme's
    templates again (about a second for Material's); Jinja checks the source's
    checksum before reusing a compiled template, so an edited template is compiled again.
    """
    if active():
        env.bytecode_cache = _MemoryBytecodeCache()


def begin() -> None:
    """A save's rebuild starts (the default language's build)."""
    _session.stats = Stats()
    _session.written.clear()
    _session.fresh.clear()
    forget_logged_messages()


def failed() -> None:
    """The rebuild stopped: forget what it rendered, so the next save renders it again.

    A hook may find a problem only once every page is read (in on_env, from what
    it collected); a page restored on the next save would not be collected again,
    and the problem would vanish without being fixed.
    """
    for dest in _session.fresh:
        _session.entries.pop(dest, None)
    _session.fresh.clear()


def finish(site_dir: str) -> None:
    """Every language is built: remove the pages no build wrote this time."""
    for dest in set(_session.on_disk) - _session.written:
        path = os.path.join(site_dir, dest)
        if os.path.isfile(path):
            os.unlink(path)
        del _session.on_disk[dest]


def _add_files_from_theme(self: Files, env: jinja2.Environment, config: MkDocsConfig) -> None:
    """The theme's static files, found once per serve session rather than once per build.

    MkDocs lists every file of every theme folder on each build (Material ships
    some 14,000 icons): a quarter of a rebuild. The list is kept while the
    theme folders and the files in the custom folder stay the same.
    """
    custom = config.theme.custom_dir
    key = _hash(config.theme.dirs, config.theme.static_templates, custom and _stamps(Path(custom)))
    if key not in _session.theme_files:
        found = Files([])
        _session.originals["add_files_from_theme"](found, env, config)
        _session.theme_files[key] = [(file.src_uri, file.src_dir) for file in found]
    for path, folder in _session.theme_files[key]:
        # Theme files do not override docs_dir files (as in MkDocs).
        if self.get_file_from_path(path) is None:
            self.append(File(path, folder, config.site_dir, config.use_directory_urls))


def _keep_directory(directory: str) -> None:
    """In place of MkDocs' emptying of the site folder before every build.

    Every page is written again or kept as it is (see _build_page), assets and
    theme files are copied again, and finish() removes the pages that are gone.
    Emptying and refilling the folder costs a second or more on some file
    systems (a few hundred folders made again). An image deleted from docs/
    stays in the preview until the server restarts (links to it still warn).
    """


# -----------------------------------------------------------------------------
# The wrapped functions (same signatures as in mkdocs/commands/build.py)
# -----------------------------------------------------------------------------


def _populate_page(page: Page, config: MkDocsConfig, files: Files, dirty: bool = False) -> None:
    if dirty:  # `mkdocs serve --dirty`: MkDocs' own shortcut, as the author asked
        return _session.originals["_populate_page"](page, config, files, dirty)
    build = _current_build(config, files)
    dest = page.file.dest_uri
    # A translation's render reads its source too (a stale page's block marks).
    source_key = _hash(
        build.project_key, page.file.src_uri, page.file.content_bytes, _variants_key(page)
    )
    entry = _session.entries.get(dest)
    keepers = len(serve_mode.page_state_keepers)
    if entry is not None and entry.source_key == source_key and len(entry.kept) == keepers:
        _restore(page, entry, files)
        build.restored.add(dest)
        return None
    _session.entries.pop(dest, None)
    with _Warnings() as warned:
        _session.originals["_populate_page"](page, config, files, dirty)
    if not warned.count:
        kept = [save(page) for save, _ in serve_mode.page_state_keepers]
        _session.entries[dest] = _Entry(source_key, _rendered(page), _links(page), kept)
        _session.fresh.add(dest)
    return None


def _build_page(page: Page, config: MkDocsConfig, doc_files, nav, env, dirty=False, excluded=False):
    original = _session.originals["_build_page"]
    if dirty or excluded or _session.build is None:
        return original(page, config, doc_files, nav, env, dirty, excluded)
    dest = page.file.dest_uri
    entry = _session.entries.get(dest)
    output_key = entry and _hash(
        entry.source_key,
        _nav_key(nav),
        _variants_key(page),
        # As hooks left them after every page was read (on_env may fill in cross-references).
        page.content,
        page.title,
        sorted(serve_mode.book_state.items()),
    )
    _session.written.add(dest)
    if entry is not None and entry.output is not None and entry.output_key == output_key:
        # The site folder is not emptied: a file from an earlier build may be right already.
        if _session.on_disk.get(dest) != output_key or not os.path.isfile(page.file.abs_dest_path):
            write_file(entry.output, page.file.abs_dest_path)
            _session.on_disk[dest] = output_key
        _session.stats.reused += 1
        return None
    _session.on_disk[dest] = None  # written now, from inputs no entry describes yet
    # The nav or a variant changed: the HTML is made again from the restored content
    # (as hooks filled it in on_env; what they record per page comes back through
    # serve_mode.keep_page_state), never from a second Markdown render after on_env.
    _session.build.restored.discard(dest)
    with _Warnings() as warned:
        original(page, config, doc_files, nav, env, dirty, excluded)
    _session.stats.rendered += 1
    if entry is not None and not warned.count and os.path.isfile(page.file.abs_dest_path):
        entry.output_key = output_key
        entry.output = Path(page.file.abs_dest_path).read_bytes()
        _session.on_disk[dest] = output_key
    return None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _current_build(config: MkDocsConfig, files: Files) -> _Build:
    """The state of the build() that is running: a new one for each Files object."""
    if _session.build is None or _session.build.files is not files:
        _session.build = _Build(files, _project_key(config, files))
    return _session.build


def _project_key(config: MkDocsConfig, files: Files) -> str:
    """A hash of everything outside the pages' Markdown that any page's HTML reads."""
    parts: list[object] = [config.site_url, config.theme.name]
    if config.config_file_path and os.path.isfile(config.config_file_path):
        parts.append(Path(config.config_file_path).read_bytes())
    parts += sorted((f.src_uri, f.dest_uri) for f in files)
    # Quizzes, images, templates, hooks and their data: any change renders everything.
    folders = {config.docs_dir, config.theme.custom_dir}
    folders |= hook_folders(config)
    for folder in sorted(f for f in folders if f):
        parts += _stamps(Path(folder), skip_markdown=folder == config.docs_dir)
    return _hash(*parts)


def _stamps(folder: Path, skip_markdown: bool = False) -> list[tuple[str, int, int]]:
    stamps = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        for name in filenames:
            if skip_markdown and name.endswith(".md"):
                continue
            path = os.path.join(dirpath, name)
            stat = os.stat(path)
            stamps.append((path, stat.st_mtime_ns, stat.st_size))
    return sorted(stamps)


def _nav_key(nav) -> str:
    """A hash of the navigation's titles, URLs and order, once per build."""
    assert _session.build is not None
    if id(nav) not in _session.build.navs:
        items = []

        def walk(children, depth: int) -> None:
            for item in children:
                items.append((depth, type(item).__name__, item.title, getattr(item, "url", None)))
                walk(item.children or [], depth + 1)

        walk(nav.items, 0)
        homepage = nav.homepage.url if nav.homepage else None
        _session.build.navs[id(nav)] = _hash(homepage, *items)
    return _session.build.navs[id(nav)]


def _variants_key(page: Page) -> str:
    """The page's language variants (static-i18n's File.alternates) as they are on disk.

    The stale notice compares a translation with its source, and dates the
    source's last change, so a variant's content and time both count.
    """
    alternates = getattr(page.file, "alternates", None) or {"": page.file}
    stamps = []
    for locale, file in sorted(alternates.items()):
        stat = os.stat(file.abs_src_path) if file.abs_src_path else None
        stamps.append((locale, file.src_uri, stat and (stat.st_mtime_ns, stat.st_size)))
    return _hash(*stamps)


def _rendered(page: Page) -> dict:
    return {name: getattr(page, name) for name in RENDERED}


def _links(page: Page) -> dict[str, dict[str, str]]:
    # Keyed by File objects of this build; kept by path, since Files are new every build.
    return {file.src_uri: dict(links) for file, links in (page.links_to_anchors or {}).items()}


def _restore(page: Page, entry: _Entry, files: Files) -> None:
    for name, value in entry.rendered.items():
        setattr(page, name, value)
    for (_, restore), value in zip(serve_mode.page_state_keepers, entry.kept, strict=True):
        restore(page, value)
    links = {}
    for src_uri, anchors in entry.links.items():
        target = files.get_file_from_path(src_uri)
        if target is not None:
            links[target] = dict(anchors)
    page.links_to_anchors = links


def _hash(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


class _Warnings(logging.Handler):
    """Counts warnings and errors MkDocs logs meanwhile: such a render is not kept."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> _Warnings:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in _session.templates:
            bucket.bytecode_from_string(_session.templates[bucket.key])  # checks the checksum

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _session.templates[bucket.key] = bucket.bytecode_to_string()
