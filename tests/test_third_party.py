"""No built page loads anything from another host."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

# Attributes through which a page loads something (not plain <a href> links).
LOADING = [
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("link", "href"),
]
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+(?:url\()?\s*['"]([^'"]+)""")


def _foreign(base: str, ref: str) -> bool:
    url = urlsplit(urljoin(base, ref))
    return url.scheme not in ("", "data") and url.netloc != urlsplit(base).netloc


def test_no_page_loads_from_another_host(site):
    offenders = []
    for path in site.pages():
        soup = site.html(path)
        for tag, attr in LOADING:
            for el in soup.find_all(tag):
                rel = el.get("rel") or []
                if tag == "link" and ("alternate" in rel or "canonical" in rel):
                    continue  # links to pages of this site, not loads
                if el.get(attr) and _foreign(site.url + path, el[attr]):
                    offenders.append((path, tag, el[attr]))
        for style in soup.find_all("style"):
            for match in CSS_URL.finditer(style.get_text()):
                ref = match.group(1) or match.group(2)
                if _foreign(site.url + path, ref):
                    offenders.append((path, "style", ref))
    assert offenders == []


def test_no_stylesheet_imports_from_another_host(site):
    offenders = []
    for css in site.dir.rglob("*.css"):
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            ref = match.group(1) or match.group(2)
            if _foreign(site.url + css.relative_to(site.dir).as_posix(), ref):
                offenders.append((css.name, ref))
    assert offenders == []


def test_material_defaults_that_call_out_are_off(site):
    html = site.html("chapters/sft-to-rl/")
    assert html.select('link[rel=preconnect], link[href*="fonts.googleapis"]') == []
    assert html.select_one(".md-copyright").find("a") is None  # no generator link
    assert html.select_one(".md-source") is None  # no repo_url: no GitHub API call


def test_canonical_and_alternates_stay_on_this_site(site):
    for path in site.pages():
        for link in site.html(path).select("link[rel=canonical], link[rel=alternate]"):
            assert link["href"].startswith(site.url), (path, link["href"])
