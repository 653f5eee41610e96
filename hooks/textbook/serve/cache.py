"""Under `mkdocs serve`, render again only the pages an edit touches (MkDocs 1.6 internals).

On every save MkDocs rebuilds the whole site, and static-i18n does it once per
language: 7-8 s on a 200-chapter book, where a save changes one or two pages.

A page's HTML follows from four inputs: its own Markdown file; its other
language variants (the switcher, the stale-translation notice and a stale page's
block marks read them); the navigation (titles, URLs and order: the sidebar and
the footer's previous and next links); and the rest of the project (mkdocs.yml,
templates, hooks, quiz files, images, the set of pages). The cache keeps, per
built page, what its last render produced and a hash of those inputs (keys.py),
and restores the page instead of rendering it when the hash is unchanged. The
checks that span the whole book (parity, quiz usage, anchor links) still run on
every build.

A hook that collects something from every page's render (in its page events or
a treeprocessor) registers a keeper with serve_mode.keep_page_state, so that a
reused page gives its record back; a hook whose pages read a book-wide value
(the uses of glossary terms, figure numbers across chapters) declares it with
serve_mode.depend_on_book on every build. The HTML's key also covers each
page's content as hooks leave it after every page was read (on_env). A hook
whose pages read anything else must add it to keys.project_key.

MkDocs has no event to skip a page, so this replaces, while serving, what
`build()` looks up by name on every call (adapters/mkdocs.py, BUILD_STEPS):

- `_populate_page` (steps.py): read the file, run the page events, render the
  Markdown. When the page's file and the project are unchanged, the attributes
  that `Page.render()` sets are restored instead, so the nav keeps every page's
  real title.
- `_build_page` (steps.py): render the template (with the page_context and
  post_page events) and write the HTML. When the page's inputs and the
  navigation are unchanged, the previous HTML is kept; otherwise the template
  is rendered from the page's content, rendered or restored.
- `utils.clean_directory`: the site folder is not emptied; finish() removes
  the pages that are gone.
- `Files.add_files_from_theme` (theme.py): the theme's files are listed once.

Jinja's compiled templates are shared between builds (theme.py). Nothing is
kept from a render that logged a warning or failed, nor from any render of a
rebuild that failed, so an error shows on every save until it is fixed.
Module-level state of other hooks and Markdown extensions is never touched.

What lives across rebuilds is one `ServeCache` (`_session`, state.py); what one
rebuild knows is a `ServeBuild`, held by the serve hook and started on each save.
"""

from __future__ import annotations

import os

import jinja2

from textbook.adapters.mkdocs import (
    forget_logged_messages,
    replace_build_steps,
    restore_build_steps,
)
from textbook.build_state import BuildState
from textbook.serve.state import ServeBuild, ServeCache
from textbook.serve.steps import PageSteps
from textbook.serve.theme import CompiledTemplates, theme_files

_session = ServeCache()  # lives across rebuilds: it is the cache (state.py)


def install(builds: BuildState[ServeBuild]) -> None:
    """Replace the four MkDocs functions (idempotent); `mkdocs build` never calls this.
    `builds` holds the rebuild under way (the serve hook starts one per save)."""
    if _session.originals:
        return
    steps = PageSteps(_session, builds)

    def add_files_from_theme(files, env, config) -> None:  # a method of Files in MkDocs
        theme_files(_session, files, env, config)

    _session.originals = replace_build_steps(
        {
            "_populate_page": steps.populate_page,
            "_build_page": steps.build_page,
            "clean_directory": _keep_directory,
            "add_files_from_theme": add_files_from_theme,
        }
    )


def active() -> bool:
    return bool(_session.originals)


def uninstall() -> None:
    """Put MkDocs' own functions back and forget every render."""
    restore_build_steps(_session.originals)
    _session.__init__()  # a new session: every render forgotten


def share_compiled_templates(env: jinja2.Environment) -> None:
    """Compile each theme template once per serve session, not once per build: every build
    makes a new Jinja environment, which would compile Material's templates again (about a
    second)."""
    if active():
        env.bytecode_cache = CompiledTemplates(_session)


def begin() -> None:
    """A save's rebuild starts: MkDocs' log shows its messages again."""
    forget_logged_messages()


def failed(build: ServeBuild) -> None:
    """The rebuild stopped: forget what it rendered, so the next save renders it again.

    A hook may find a problem only once every page is read (in on_env, from what
    it collected); a page restored on the next save would not be collected again,
    and the problem would vanish without being fixed.
    """
    for dest in build.fresh:
        _session.entries.pop(dest, None)
    build.fresh.clear()


def finish(build: ServeBuild, site_dir: str) -> None:
    """Every language is built: remove the pages no build wrote this time."""
    for dest in set(_session.on_disk) - build.written:
        path = os.path.join(site_dir, dest)
        if os.path.isfile(path):
            os.unlink(path)
        del _session.on_disk[dest]


def _keep_directory(directory: str) -> None:
    """In place of MkDocs' emptying of the site folder before every build.

    Every page is written again or kept as it is (see steps.py), assets and
    theme files are copied again, and finish() removes the pages that are gone.
    Emptying and refilling the folder costs a second or more on some file
    systems (a few hundred folders made again). An image deleted from docs/
    stays in the preview until the server restarts (links to it still warn).
    """
