"""Make one built page's article a part of a book: ids unique in the book, links inside it.

Every id gets the page's prefix (`chapters-x--fig-y`), the h1 becomes the page's own
anchor, links to a page of the book point at its place in the book (through `href_for`,
which the PDF and the EPUB answer differently), links to the rest of the site point at
the book's own site, links to other hosts keep their text only. Images keep their path
relative to the site root, where the book's files are assembled. Collapsible boxes
(<details>) are opened: paper cannot open them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from textbook.export.source import BookPage

# Attributes that name ids of the same document.
ID_REFS = ("for", "aria-describedby", "aria-labelledby", "aria-controls")


def clean_page(
    page: BookPage,
    pages_by_url: dict[str, BookPage],
    site_url: str,
    href_for: Callable[[BookPage, str], str],
) -> set[str]:
    """Rewrite the page's article in place; return the site-relative paths of its images."""
    article = page.article
    h1 = article.cssselect("h1")[0]
    page_ids = {h1.get("id")} if h1.get("id") else set()
    for node in article.iter():
        if isinstance(node.tag, str) and node.get("id") and node is not h1:
            node.set("id", f"{page.slug}--{node.get('id')}")
    h1.set("id", page.slug)
    present = {node.get("id") for node in article.iter() if isinstance(node.tag, str)}
    for node in article.iter():
        if not isinstance(node.tag, str):
            continue
        for attr in ID_REFS:
            if node.get(attr):
                refs = [f"{page.slug}--{ref}" for ref in node.get(attr).split()]
                refs = [ref for ref in refs if ref in present]
                if refs:
                    node.set(attr, " ".join(refs))
                else:
                    del node.attrib[attr]
    for link in article.cssselect("a[href]"):
        target = _resolve(link.get("href"), page, pages_by_url, site_url, page_ids, href_for)
        if target is None:
            link.drop_tag()  # another host: the text stays, the link goes
        else:
            link.set("href", target)
    for box in article.cssselect("details"):
        box.set("open", "")  # paper and most e-readers cannot open a closed box
    images = set()
    for image in article.cssselect("img[src]"):
        path = posixpath.normpath(posixpath.join(page.url, unquote(image.get("src"))))
        image.set("src", path)
        images.add(path)
    return images


def _resolve(href, page, pages_by_url, site_url, page_ids, href_for) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        if not href.startswith(site_url):
            return None
        href = href[len(site_url) :]
        parts = urlsplit(href)
    if not parts.path:
        target, fragment = page, unquote(parts.fragment)
    else:
        path = posixpath.normpath(posixpath.join(page.url, unquote(parts.path)))
        path = "" if path == "." else path + ("/" if parts.path.endswith("/") else "")
        folder = path.removesuffix("index.html")
        target = pages_by_url.get(folder if folder.endswith("/") or not folder else folder + "/")
        fragment = unquote(parts.fragment)
        if target is None:
            # A page or file of the site that is not in the book: its address on the site.
            return site_url + path + (f"#{parts.fragment}" if parts.fragment else "")
    if target is page and fragment in page_ids:
        fragment = ""
    return href_for(target, f"{target.slug}--{fragment}" if fragment else target.slug)
