"""Quizzes across the book, in headless Chromium: nav marks, the progress page,
review, shuffled options, export and import, reset."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from test_journeys import _axe
from test_quiz_browser import THROWING_STORAGE

ZH, EN = "chapters/sft-to-rl/", "en/chapters/sft-to-rl/"
ZH_PROGRESS, EN_PROGRESS = "progress/", "en/progress/"
SINGLE = "#quiz-sft-to-rl-rl-in-school-analogy"
TRUE_FALSE = "#quiz-sft-to-rl-sft-same-algorithm"
FORMS = "section.quiz form.quiz__question"


def _answer(page, question, label, button="Check"):
    q = page.locator(question)
    q.get_by_label(label, exact=True).check()
    q.get_by_role("button", name=button).click()
    expect(q.locator(".quiz__verdict-line")).to_have_count(1)


def _nav_mark(page, title):
    return page.locator("nav.md-nav--primary a.md-nav__link", has_text=title).first


def _orders(page) -> dict[str, list[str]]:
    """The options' authored indices in the order the page shows them, per question."""
    return page.eval_on_selector_all(
        FORMS,
        "forms => Object.fromEntries(forms.map(f => [f.dataset.question,"
        " [...f.querySelectorAll('input[name=answer]')].map(i => i.value)]))",
    )


# -----------------------------------------------------------------------------
# Nav marks and the progress page
# -----------------------------------------------------------------------------


def test_an_answer_marks_the_nav_and_the_progress_page_in_both_languages(visit):
    page, traffic = visit()
    page.goto(EN)
    link = _nav_mark(page, "From Supervised Fine-Tuning")
    expect(link).to_contain_text("○")
    expect(link).to_have_accessible_name(re.compile(r"quiz not started$"))
    _answer(page, SINGLE, "The practice problems")
    # At once, without a reload; a visible symbol and a text for screen readers.
    expect(link.locator(".quiz-mark[aria-hidden=true]")).to_have_text("◐ 1/6")
    expect(link).to_have_accessible_name(re.compile(r"quiz in progress: 1 of 6 answered$"))
    # No live region in the nav: marks are read with the link, not announced.
    assert page.locator("nav [aria-live], nav [role=status]").count() == 0

    page.goto(ZH_PROGRESS)
    zh_link = _nav_mark(page, "从监督微调到强化学习")
    expect(zh_link).to_have_accessible_name(re.compile(r"测验进行中，已作答 1 / 6 题$"))
    chapter = page.locator(".quiz-progress__chapter")
    expect(chapter.locator(".quiz-progress__status")).to_have_text(
        "进行中：已作答 1 / 6 题，答对 1 题"
    )
    expect(chapter.get_by_role("link", name="从监督微调到强化学习")).to_have_attribute(
        "href", "../chapters/sft-to-rl/"
    )

    page.goto(ZH)
    for form in page.locator(FORMS).all():
        if form.get_attribute("data-type") == "short":
            form.get_by_label("你的答案").fill("3")
        else:
            form.locator("input[name=answer]").first.check()
        form.get_by_role("button", name="检查").click()
    correct = page.locator(".quiz__question--right").count()
    expect(_nav_mark(page, "从监督微调到强化学习").locator(".quiz-mark").first).to_have_text(
        f"✓ {correct}/6"
    )
    page.goto(EN_PROGRESS)
    expect(page.locator(".quiz-progress__status")).to_have_text(f"Complete: {correct} of 6 right")
    expect(_nav_mark(page, "From Supervised Fine-Tuning")).to_have_accessible_name(
        re.compile(rf"quiz complete: {correct} of 6 right$")
    )
    assert traffic.errors == []


def test_review_asks_a_missed_question_until_it_leaves_the_queue(visit):
    page, traffic = visit()
    start = datetime(2026, 3, 2, 9, 0)
    page.clock.set_fixed_time(start)
    page.goto(EN)
    _answer(page, SINGLE, "The worked solutions")
    _answer(page, TRUE_FALSE, "False")

    # Missed questions are listed with a link to them, in the page's language.
    page.goto(ZH_PROGRESS)
    missed = page.locator(".quiz-progress__missed a")
    expect(missed).to_have_count(1)
    expect(missed).to_have_text(re.compile(r"^用上学来类比"))
    expect(missed).to_have_attribute("href", "../chapters/sft-to-rl/#" + SINGLE[1:])
    expect(page.locator(".quiz-progress__queue")).to_have_text("复习队列里有 1 道题。")

    # First session (Chinese): missed again, so it stays for the next session.
    page.get_by_role("button", name="开始复习").click()
    review = page.locator(".quiz-progress__question")
    expect(review.locator("legend")).to_contain_text("用上学来类比")
    expect(page.locator(".quiz-progress__from")).to_be_focused()
    _answer(page, ".quiz-progress__question form", "例题及其详解", button="检查")
    expect(review.locator(".quiz__feedback")).to_contain_text("还不对。")
    page.get_by_role("button", name="下一题").click()
    expect(page.locator(".quiz-progress__message")).to_have_text(
        "本次复习结束：答对 0 题，还有 1 道题留待下次。"
    )
    expect(page.locator(".quiz-progress__queue")).to_have_text("复习队列里有 1 道题。")

    # Next session (English): answered right, it waits three days for one more check.
    page.goto(EN_PROGRESS)
    page.get_by_role("button", name="Start a review session").click()
    expect(review.locator("legend")).to_contain_text("In the school analogy")
    _answer(page, ".quiz-progress__question form", "The practice problems")
    expect(review.locator(".quiz__feedback")).to_contain_text("Correct.")
    page.get_by_role("button", name="Next question").click()
    expect(page.locator(".quiz-progress__message")).to_have_text(
        "Session over: 1 right, 0 left for next time."
    )
    expect(page.locator(".quiz-progress__queue")).to_have_text(
        "Nothing to review now. 1 question(s) you got right in review come back for one more "
        "check on 3/5/2026."
    )
    expect(page.get_by_role("button", name="Start a review session")).to_be_hidden()
    expect(page.locator(".quiz-progress__missed a")).to_have_count(0)
    page.clock.set_fixed_time(start + timedelta(days=2, hours=23))
    page.goto(ZH_PROGRESS)
    queue = page.locator(".quiz-progress__queue")
    expect(queue).to_contain_text("1 道题会在 2026/3/5 回来再考一次")

    # Three days on it is back; right again, it leaves the queue.
    page.clock.set_fixed_time(start + timedelta(days=3))
    page.goto(EN_PROGRESS)
    expect(page.locator(".quiz-progress__queue")).to_have_text("Questions to review: 1.")
    page.get_by_role("button", name="Start a review session").click()
    expect(review.locator("legend")).to_contain_text("In the school analogy")
    _answer(page, ".quiz-progress__question form", "The practice problems")
    page.get_by_role("button", name="Next question").click()
    expect(page.locator(".quiz-progress__queue")).to_have_text(
        "Nothing to review: every question you have answered is right."
    )
    expect(page.get_by_role("button", name="Start a review session")).to_be_hidden()
    # The chapter agrees: the reviewed answer is its answer now.
    page.goto(EN)
    expect(page.locator(SINGLE).get_by_label("The practice problems", exact=True)).to_be_checked()
    expect(page.locator(".quiz__score")).to_have_text("Score: 2 of 6 (2 answered)")
    assert traffic.errors == []


# -----------------------------------------------------------------------------
# Shuffled options
# -----------------------------------------------------------------------------


def test_each_reader_has_an_order_stable_across_visits_and_languages(visit):
    readers = []
    for _ in range(2):
        page, traffic = visit()
        page.goto(ZH)
        zh = _orders(page)
        page.reload()
        assert _orders(page) == zh
        page.goto(EN)
        assert _orders(page) == zh
        readers.append(zh)
        # Checking still works, and the stored answer is the authored option.
        _answer(page, SINGLE, "The practice problems")
        expect(page.locator(SINGLE + " .quiz__feedback")).to_contain_text("Correct.")
        stored = page.evaluate("() => JSON.parse(localStorage['textbook-quiz:sft-to-rl'])")
        assert stored["rl-in-school-analogy"]["a"] == [2]
        assert traffic.errors == []
    assert readers[0] != readers[1]
    # The explanations under each question follow the order shown.
    options = page.locator(SINGLE + " input[name=answer]")
    listed = page.locator(SINGLE + " .quiz__explanations li")
    assert [options.nth(i).get_attribute("value") for i in range(4)] == [
        listed.nth(i).get_attribute("data-option") for i in range(4)
    ]


@pytest.mark.parametrize("seed", ["1", "2", "3", "4", "5"])
def test_a_pinned_question_keeps_the_authored_order(visit, seed):
    page, _ = visit()
    page.add_init_script(f"localStorage.setItem('textbook-quiz::seed', '{seed}')")
    page.goto(EN)
    orders = _orders(page)
    assert orders["sft-same-algorithm"] == ["0", "1"]  # pinned: True, then False
    expect(page.locator(TRUE_FALSE + " label").first).to_have_text("True")
    shuffled = [q for q, order in orders.items() if order and order != sorted(order)]
    assert shuffled, f"seed {seed} left every unpinned question in the authored order"


def test_without_javascript_the_authored_order_shows(visit):
    page, _ = visit(java_script_enabled=False)
    page.goto(EN)
    assert all(order == sorted(order) for order in _orders(page).values())


# -----------------------------------------------------------------------------
# Keep, reset
# -----------------------------------------------------------------------------


def _export(page, single: str) -> dict:
    """Answers two questions (the first with the option `single`), then exports."""
    page.goto(EN)
    _answer(page, SINGLE, single)
    _answer(page, TRUE_FALSE, "False")
    page.goto(EN_PROGRESS)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    assert download.value.suggested_filename == "textbook-progress.json"
    return json.loads(Path(download.value.path()).read_text("utf-8"))


def _import(page, data: dict, tmp_path):
    file = tmp_path / "progress.json"
    file.write_text(json.dumps(data), "utf-8")
    page.goto(EN_PROGRESS)
    page.locator("#quiz-progress-import").set_input_files(str(file))


def test_export_then_import_restores_everything(visit, tmp_path):
    page, _ = visit()
    data = _export(page, "The worked solutions")
    page.goto(EN)
    orders = _orders(page)
    assert data["format"] == "textbook-quiz-progress" and data["seed"]
    assert set(data["quizzes"]["sft-to-rl"]) == {"rl-in-school-analogy", "sft-same-algorithm"}

    other, traffic = visit()
    _import(other, data, tmp_path)
    expect(other.locator(".quiz-progress__message")).to_have_text(
        "Answers imported: 2. Dropped because their question has changed: 0."
    )
    expect(other.locator(".quiz-progress__status")).to_have_text(
        "In progress: 2 of 6 answered, 1 right"
    )
    other.goto(ZH)
    assert _orders(other) == orders
    expect(other.locator(SINGLE).get_by_label("例题及其详解", exact=True)).to_be_checked()
    expect(other.locator(".quiz__score")).to_have_text("得分：1 / 6（已作答 2 题）")
    assert traffic.errors == []


def test_importing_an_older_quiz_version_drops_only_changed_answers(visit, tmp_path):
    page, _ = visit()
    data = _export(page, "The practice problems")
    data["quizzes"]["sft-to-rl"]["sft-same-algorithm"]["v"] = "an-older-version"
    other, _ = visit()
    _import(other, data, tmp_path)
    expect(other.locator(".quiz-progress__message")).to_have_text(
        "Answers imported: 1. Dropped because their question has changed: 1."
    )
    other.goto(EN)
    expect(other.locator(".quiz__score")).to_have_text("Score: 1 of 6 (1 answered)")
    expect(other.locator(TRUE_FALSE + " .quiz__feedback")).to_be_empty()


def test_a_file_that_is_not_progress_is_refused(visit, tmp_path):
    page, _ = visit()
    _import(page, {"something": "else"}, tmp_path)
    expect(page.locator(".quiz-progress__message")).to_have_text(
        "This file is not a progress file exported from this book."
    )


def test_reset_one_chapter_and_everything_after_a_confirmation(visit):
    page, _ = visit()
    page.goto(EN)
    _answer(page, SINGLE, "The practice problems")
    page.goto(EN_PROGRESS)
    status = page.locator(".quiz-progress__status")
    reset = page.get_by_role("button", name="Reset this chapter")
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    reset.click()
    assert messages == [
        "Clear every answer in “From Supervised Fine-Tuning to Reinforcement Learning”?"
    ]
    expect(status).to_have_text("In progress: 1 of 6 answered, 1 right")
    page.once("dialog", lambda d: d.accept())
    reset.click()
    expect(status).to_have_text("Not started")
    expect(reset).to_be_hidden()
    expect(page.locator(".quiz-progress__message")).to_have_text(
        "Cleared the answers in “From Supervised Fine-Tuning to Reinforcement Learning”."
    )
    expect(page.locator(".quiz-progress__title")).to_be_focused()  # not lost with the button

    page.goto(EN)
    _answer(page, SINGLE, "The practice problems")
    page.goto(ZH_PROGRESS)
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    page.get_by_role("button", name="清空全部进度").click()
    assert messages[-1] == "清空全书所有测验的答案？这一步无法撤销。"
    expect(page.locator(".quiz-progress__message")).to_have_text("已清空全部进度。")
    expect(page.locator(".quiz-progress__status")).to_have_text("还没开始")
    page.goto(EN)
    expect(page.locator(".quiz__score")).to_have_text("Score: 0 of 6 (0 answered)")
    expect(_nav_mark(page, "From Supervised Fine-Tuning").locator(".quiz-mark").first).to_have_text(
        "○"
    )


# -----------------------------------------------------------------------------
# Storage throwing, JavaScript off, keyboard only
# -----------------------------------------------------------------------------


def test_a_throwing_local_storage_breaks_nothing(visit):
    page, traffic = visit()
    page.add_init_script(THROWING_STORAGE)
    page.goto(EN)
    _answer(page, SINGLE, "The practice problems")  # checked (tests/test_quiz_browser.py)
    # Nothing was saved, so the nav mark stays as it was.
    mark = _nav_mark(page, "From Supervised Fine-Tuning").locator(".quiz-mark").first
    expect(mark).to_have_text("○")
    page.goto(EN_PROGRESS)
    expect(page.locator(".quiz-progress__note")).to_have_text(
        "This browser does not allow saving progress, so there is no progress to show here."
    )
    expect(page.locator(".quiz-progress__status")).to_have_text("Not started")
    with page.expect_download():
        page.get_by_role("button", name="Export progress").click()
    assert traffic.errors, "the init script did not make localStorage throw"
    ours = ("quiz.js", "nav-marks.js", "progress-page.js")
    assert [e for e in traffic.errors if any(name in e for name in ours)] == []


def test_without_javascript_the_progress_page_explains_and_links(visit):
    page, _ = visit(java_script_enabled=False)
    page.goto(EN_PROGRESS)
    expect(page.locator(".quiz-progress__note")).to_contain_text("needs JavaScript")
    expect(
        page.locator(".quiz-progress__chapter").get_by_role("link", name="From Supervised")
    ).to_be_visible()
    expect(page.locator(".quiz-progress").get_by_role("button")).to_have_count(0)
    expect(page.locator(".quiz-progress fieldset")).to_have_count(0)  # templates stay inert
    assert page.locator(".quiz-mark").count() == 0


def test_the_progress_page_by_keyboard_only(visit):
    page, _ = visit()
    page.goto(EN)
    _answer(page, SINGLE, "The worked solutions")
    page.goto(EN_PROGRESS)
    start = page.get_by_role("button", name="Start a review session")
    start.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".quiz-progress__from")).to_be_focused()
    form = page.locator(".quiz-progress__question form")
    page.keyboard.press("Tab")  # the chapter link
    page.keyboard.press("Tab")  # the first option
    target = form.get_by_label("The practice problems", exact=True)
    for _ in range(4):
        if target.is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(target).to_be_checked()
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(form.locator(".quiz__feedback")).to_contain_text("Correct.")
    next_button = page.get_by_role("button", name="Next question")
    for _ in range(8):
        if page.evaluate("document.activeElement.textContent.trim()") == "Next question":
            break
        page.keyboard.press("Tab")
    expect(next_button).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".quiz-progress__queue")).to_be_focused()
    expect(page.locator(".quiz-progress__message")).to_have_text(
        "Session over: 1 right, 0 left for next time."
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [ZH_PROGRESS, EN_PROGRESS])
def test_no_accessibility_violations_on_the_progress_page_in_use(visit, path, scheme):
    page, _ = visit(color_scheme=scheme)
    page.goto(EN)
    _answer(page, SINGLE, "The worked solutions")
    _answer(page, TRUE_FALSE, "False")
    page.goto(path)
    # Material fades its header title and back-to-top button after a scroll: axe measures
    # colours at rest, not halfway through a fade.
    page.add_style_tag(content="* { transition: none !important; animation: none !important; }")
    expect(page.locator(".quiz-progress__missed a")).to_have_count(1)
    page.locator(".quiz-progress__reset-all").hover()  # a hovered button keeps its contrast
    assert _axe(page) == []
    page.locator(".quiz-progress__start").click()
    form = page.locator(".quiz-progress__question form")
    form.locator("input[name=answer]").first.check()
    form.locator(".quiz__check").click()
    expect(page.locator(".quiz-progress__next")).to_be_visible()
    page.locator(".quiz-progress__export").hover()
    assert _axe(page) == []


def test_the_progress_page_drops_answers_to_changed_questions(visit):
    page, _ = visit()
    page.goto(EN)
    _answer(page, SINGLE, "The practice problems")
    _answer(page, TRUE_FALSE, "False")
    page.evaluate(
        """() => {
            const key = 'textbook-quiz:sft-to-rl';
            const saved = JSON.parse(localStorage.getItem(key));
            saved['sft-same-algorithm'].v = 'an-older-version';
            saved['a-removed-question'] = {v: 'x', a: [0], ok: true};
            localStorage.setItem(key, JSON.stringify(saved));
        }"""
    )
    page.goto(EN_PROGRESS)
    expect(page.locator(".quiz-progress__status")).to_have_text(
        "In progress: 1 of 6 answered, 1 right"
    )
    expect(_nav_mark(page, "From Supervised Fine-Tuning").locator(".quiz-mark").first).to_have_text(
        "◐ 1/6"
    )
    stored = page.evaluate("() => JSON.parse(localStorage['textbook-quiz:sft-to-rl'])")
    assert list(stored) == ["rl-in-school-analogy"]
