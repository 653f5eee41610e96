"""A reader's journeys through the built site in headless Chromium, in both languages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from search_helpers import search

SCREENSHOTS = Path(__file__).parent / "screenshots"
LANGS = {
    "zh": {"home": "", "chapter_link": "从监督微调到强化学习", "title": "从监督微调到强化学习"},
    "en": {
        "home": "en/",
        "chapter_link": "From Supervised Fine-Tuning to Reinforcement Learning",
        "title": "From Supervised Fine-Tuning to Reinforcement Learning",
    },
}


def _title(lang):
    # The heading ends with its permalink (¶).
    return re.compile("^" + re.escape(LANGS[lang]["title"]))


def _same_host_only(traffic, server):
    host = urlsplit(server).netloc
    return [url for url in traffic.requests if urlsplit(url).netloc not in (host, "")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_to_chapter_through_the_nav(visit, server, lang):
    page, traffic = visit()
    # Wait until idle: leaving mid-load would abort the search worker's scripts.
    page.goto(LANGS[lang]["home"], wait_until="networkidle")
    nav = page.locator("nav.md-nav--primary")
    nav.get_by_role("link", name=LANGS[lang]["chapter_link"]).click()
    expect(page.locator("article h1")).to_have_text(_title(lang))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.wait_for_load_state("networkidle")
    assert traffic.errors == []
    assert traffic.failed == []
    assert _same_host_only(traffic, server) == []


@pytest.mark.parametrize(("start", "other"), [("zh", "en"), ("en", "zh")])
def test_switch_language_after_in_site_navigation(visit, start, other):
    page, traffic = visit()
    page.goto(LANGS[start]["home"])
    page.locator("article").get_by_role("link", name=LANGS[start]["chapter_link"]).click()
    expect(page.locator("article h1")).to_have_text(_title(start))
    for lang in (other, start):
        page.locator(".md-header__option .md-select").hover()
        page.locator(f"a.md-select__link[hreflang={lang}]").click()
        expect(page.locator("article h1")).to_have_text(_title(lang))
        expect(page.locator("html")).to_have_attribute("lang", lang)
    assert traffic.errors == []


def _search_requests(traffic) -> list[str]:
    return [u for u in traffic.requests if "/pagefind/" in u or "search_index" in u]


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("chapters/sft-to-rl/", "强化学习", "/book/chapters/sft-to-rl/"),
        ("", "监督微调", "/book/chapters/sft-to-rl/"),
        ("chapters/sft-to-rl/", "标注员", "/book/chapters/sft-to-rl/"),
        # English words are found in their other forms.
        ("en/chapters/sft-to-rl/", "supervise", "/book/en/chapters/sft-to-rl/"),
        ("en/chapters/sft-to-rl/", "practicing", "/book/en/chapters/sft-to-rl/"),
        ("en/", "reinforce", "/book/en/chapters/sft-to-rl/"),
    ],
)
def test_search_finds_the_chapter_first_in_the_pages_language(visit, server, path, query, expected):
    page, traffic = visit()
    page.goto(path)
    hrefs = [urlsplit(h).path for h in search(page, query)]
    assert hrefs[0] == expected
    in_english = [h.startswith("/book/en/") for h in hrefs]
    assert all(in_english) if path.startswith("en/") else not any(in_english)
    assert traffic.errors == []
    assert traffic.failed == []
    assert _same_host_only(traffic, server) == []


@pytest.mark.parametrize(
    ("path", "query", "marked"),
    [("chapters/sft-to-rl/", "强化学习", "强化"), ("en/", "supervise", "Supervised")],
)
def test_search_shows_the_passage_with_the_term_marked(visit, path, query, marked):
    page, _ = visit()
    page.goto(path)
    search(page, query)
    first = page.locator(".md-search-result__item").first
    expect(first.locator("article").first.locator("mark").first).to_have_text(marked)


@pytest.mark.parametrize(
    ("query", "first_sections"),
    [
        # Two headings name practice; other sections only mention it in their text.
        ("practice", {"Let the model practice", "Practice problems: only the final answer"}),
        ("labeler", {"Why the labeler cannot judge"}),
    ],
)
def test_sections_matching_in_their_heading_come_first(visit, query, first_sections):
    page, _ = visit()
    page.goto("en/chapters/sft-to-rl/")
    search(page, query)
    sections = page.locator(".md-search-result__item").first.locator("details h2")
    titles = sections.all_text_contents()
    assert len(titles) > len(first_sections)
    assert set(titles[: len(first_sections)]) == first_sections


@pytest.mark.parametrize(("lang", "name"), [("zh", "查找"), ("en", "Search")])
def test_no_search_bytes_until_the_reader_searches(visit, lang, name):
    page, traffic = visit()
    page.goto(f"{LANGS[lang]['home']}chapters/sft-to-rl/", wait_until="networkidle")
    assert _search_requests(traffic) == []
    page.locator(".md-search__input").click()
    page.wait_for_load_state("networkidle")
    assert _search_requests(traffic) == []  # opening the box costs nothing either
    expect(page.get_by_role("dialog", name=name)).to_be_attached()
    search(page, "RL")
    assert any(u.endswith("/pagefind/pagefind.js") for u in _search_requests(traffic))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_by_keyboard(visit, lang):
    page, traffic = visit()
    query = page.locator(".md-search__input")
    toggle = page.locator("#__search")
    for shortcut in ("/", "s"):
        # A fresh page for each key: Material reads focus through a 1 ms debounce,
        # so a blur and a refocus faster than any hand would merge into no change.
        # Idle, because it closes search 125 ms after it starts (search_helpers).
        page.goto(LANGS[lang]["home"], wait_until="networkidle")
        page.locator("body").press(shortcut)
        expect(query).to_be_focused()
        expect(toggle).to_be_checked()
        page.keyboard.press("Escape")
        expect(toggle).not_to_be_checked()
        expect(query).not_to_be_focused()
    page.reload(wait_until="networkidle")
    page.locator("body").press("/")
    expect(toggle).to_be_checked()
    query.fill("RL")
    page.keyboard.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(query).to_be_focused()
    # Enter in the box opens the best result, with the search term highlighted there.
    page.keyboard.press("Enter")
    expect(page.locator("article h1")).to_have_text(_title(lang))
    expect(page.locator("article mark[data-md-highlight]").first).to_have_text(
        re.compile("^RL$", re.IGNORECASE)
    )
    assert traffic.errors == []


def test_take_the_whole_quiz(visit):
    page, traffic = visit()
    page.goto("en/chapters/sft-to-rl/")
    answers = {
        "rl-in-school-analogy": ["The practice problems"],
        "sft-same-algorithm": ["False"],
        "sft-fundamental-difficulty": [
            "The human labeler doesn’t know which solution is best for the model"
        ],
        "two-purposes": ["Reach the right answer", "Present the process nicely for the human"],
        "human-friendly-not-optimal": [re.compile(r"^Each token gets finite compute")],
    }
    for qid, labels in answers.items():
        form = page.locator(f"#quiz-sft-to-rl-{qid}")
        for label in labels:
            form.get_by_label(label, exact=isinstance(label, str)).check()
        form.get_by_role("button", name="Check").click()
        expect(form.locator(".quiz__feedback")).to_contain_text("Correct.")
    short = page.locator("#quiz-sft-to-rl-emily-apple-price")
    short.get_by_label("Your answer").fill("3")
    short.get_by_role("button", name="Check").click()
    expect(page.locator(".quiz__score")).to_have_text("Score: 6 of 6 (6 answered)")
    assert traffic.errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_phone_sized_viewport(visit, lang):
    page, _ = visit(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(LANGS[lang]["home"], wait_until="networkidle")  # Material shuts the drawer at 125 ms
    page.locator("label.md-header__button[for=__drawer]").click()
    nav_link = page.locator("nav.md-nav--primary").get_by_role(
        "link", name=LANGS[lang]["chapter_link"]
    )
    expect(nav_link).to_be_visible()
    nav_link.click()
    expect(page.locator("article h1")).to_have_text(_title(lang))
    sizes = page.evaluate(
        """() => ({
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            font: parseFloat(getComputedStyle(document.querySelector('article p')).fontSize),
        })"""
    )
    assert sizes["overflow"] <= 0, "the page scrolls sideways"
    assert sizes["font"] >= 14


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_the_chapter_and_answers_read(visit, lang):
    page, _ = visit(java_script_enabled=False)
    page.goto(LANGS[lang]["home"])
    page.locator("article").get_by_role("link", name=LANGS[lang]["chapter_link"]).click()
    expect(page.locator("article h1")).to_have_text(_title(lang))
    expect(page.locator("article .admonition.abstract")).to_be_visible()
    answer = page.locator("form.quiz__question details").first
    answer.locator("summary").click()
    expect(answer.locator("li[data-correct]")).to_be_visible()


# -----------------------------------------------------------------------------
# Accessibility: axe-core, WCAG 2.1 A and AA, every page, both schemes
# -----------------------------------------------------------------------------

AXE = Path(__file__).parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [
    "",
    "chapters/sft-to-rl/",
    "glossary/",
    "404.html",
    "en/",
    "en/chapters/sft-to-rl/",
    "en/glossary/",
    "en/404.html",
]
PAGES += ["progress/", "en/progress/"]


def _axe(page) -> list[str]:
    assert AXE.exists(), "axe-core is missing: run tests/install.sh"
    # Colours at rest: a fade still under way (the search dialog's, Material's header) is
    # measured mid-way otherwise, and fails contrast now and then.
    page.add_style_tag(content="* { transition: none !important; animation: none !important; }")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(f"axe.run(document, {{runOnly: {{type: 'tag', values: {WCAG}}}}})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]} {v['help']}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(visit, path, scheme):
    page, _ = visit(color_scheme=scheme)
    page.goto(path)
    assert _axe(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_open_search_with_results_has_no_violations_and_a_named_dialog(visit, lang, scheme):
    page, _ = visit(color_scheme=scheme)
    page.goto(LANGS[lang]["home"])
    search(page, "RL")
    assert _axe(page) == []
    # Lighthouse's aria-dialog-name: not among axe's WCAG tags, so run it by name.
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}})"
    )
    assert result["violations"] == []
    assert [node["target"] for rule in result["passes"] for node in rule["nodes"]] == [
        [".md-search"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_in_an_answered_quiz(visit, scheme):
    page, _ = visit(color_scheme=scheme)
    page.goto("en/chapters/sft-to-rl/")
    for form in page.locator("form.quiz__question").all():
        first = form.locator("input[name=answer]").first
        first.fill("7") if form.get_attribute("data-type") == "short" else first.check()
        form.get_by_role("button", name="Check").click()
    page.locator("form.quiz__question details").first.evaluate("d => d.open = true")
    assert _axe(page) == []


# -----------------------------------------------------------------------------
# Evidence: screenshots (uploaded by the GitHub workflow)
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshots(visit, lang, scheme):
    SCREENSHOTS.mkdir(exist_ok=True)
    page, _ = visit(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    for name, path in (
        ("home", LANGS[lang]["home"]),
        ("chapter", f"{LANGS[lang]['home']}chapters/sft-to-rl/"),
    ):
        page.goto(path)
        page.evaluate("document.fonts.ready")
        file = SCREENSHOTS / f"{name}-{lang}-{scheme}.png"
        page.screenshot(path=str(file), full_page=True)
        assert file.stat().st_size > 10_000
    # Chinese must render with real glyphs: a CJK font must be the one in use.
    if lang == "zh":
        family = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
        assert "CJK SC" in family or "PingFang" in family
        assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK SC\"', '强化学习')")
