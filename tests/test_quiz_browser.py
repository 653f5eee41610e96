"""The chapter quiz as a reader uses it, in headless Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

ZH = "chapters/sft-to-rl/"
EN = "en/chapters/sft-to-rl/"
SINGLE = "#quiz-sft-to-rl-rl-in-school-analogy"
TRUE_FALSE = "#quiz-sft-to-rl-sft-same-algorithm"
MULTIPLE = "#quiz-sft-to-rl-two-purposes"
# A browser whose localStorage refuses everything (a privacy mode, a blocked origin).
THROWING_STORAGE = (
    "for (const m of ['getItem', 'setItem', 'removeItem', 'key'])"
    "  Storage.prototype[m] = () => { throw new DOMException('denied', 'SecurityError') };"
)
SHORT = "#quiz-sft-to-rl-emily-apple-price"


def _check(page, question, *labels, button="Check"):
    q = page.locator(question)
    for label in labels:
        q.get_by_label(label, exact=True).check()
    q.get_by_role("button", name=button).click()
    return q


def test_wrong_then_right_with_explanations(visit, server):
    page, traffic = visit()
    page.goto(EN)
    q = _check(page, SINGLE, "The worked solutions")
    feedback = q.locator(".quiz__feedback")
    expect(feedback).to_have_attribute("role", "status")
    expect(feedback).to_contain_text("Not quite.")
    expect(feedback).to_contain_text("that is supervised fine-tuning (SFT)")  # the option's why
    expect(feedback).to_contain_text("The three kinds of textbook information")  # the question's
    q.get_by_role("button", name="Try again").click()
    expect(feedback).to_be_empty()
    expect(q.get_by_label("The worked solutions", exact=True)).not_to_be_checked()
    _check(page, SINGLE, "The practice problems")
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).to_contain_text("which is exactly RL’s idea")
    expect(q.get_by_role("button", name="Try again")).to_be_hidden()
    assert traffic.errors == []


def test_every_question_type_and_the_score(visit):
    page, _ = visit()
    page.goto(EN)
    score = page.locator(".quiz__score")
    expect(score).to_have_text("Score: 0 of 6 (0 answered)")
    _check(page, TRUE_FALSE, "False")
    _check(page, MULTIPLE, "Reach the right answer")  # only one of the two
    expect(page.locator(MULTIPLE + " .quiz__feedback")).to_contain_text("Not quite.")
    short = page.locator(SHORT)
    for answer, verdict in [("three", "Correct."), ("4", "Not quite."), ("$3.0", "Correct.")]:
        short.get_by_label("Your answer").fill(answer)
        short.get_by_label("Your answer").press("Enter")
        expect(short.locator(".quiz__feedback")).to_contain_text(verdict)
    expect(score).to_have_text("Score: 2 of 6 (3 answered)")


def test_checking_without_an_answer_asks_for_one(visit):
    page, _ = visit()
    page.goto(ZH)
    q = page.locator(SINGLE)
    q.get_by_role("button", name="检查").click()
    expect(q.locator(".quiz__feedback")).to_have_text("请先选择或填写一个答案。")
    expect(page.locator(".quiz__score")).to_have_text("得分：0 / 6（已作答 0 题）")


def test_reload_keeps_progress(visit):
    page, _ = visit()
    page.goto(ZH)
    _check(page, SINGLE, "练习题", button="检查")
    _check(page, TRUE_FALSE, "对", button="检查")
    page.reload()
    expect(page.locator(SINGLE).get_by_label("练习题", exact=True)).to_be_checked()
    expect(page.locator(SINGLE + " .quiz__feedback")).to_contain_text("答对了。")
    expect(page.locator(TRUE_FALSE + " .quiz__feedback")).to_contain_text("还不对。")
    expect(page.locator(".quiz__score")).to_have_text("得分：1 / 6（已作答 2 题）")


def test_switching_language_keeps_progress(visit):
    page, _ = visit()
    page.goto(ZH)
    _check(page, SINGLE, "练习题", button="检查")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    # The switch keeps the reader's place (a section id or a block's position).
    expect(page).to_have_url(re.compile(r"/en/chapters/sft-to-rl/(#[\w-]+)?$"))
    expect(page.locator(SINGLE).get_by_label("The practice problems", exact=True)).to_be_checked()
    expect(page.locator(SINGLE + " .quiz__feedback")).to_contain_text("Correct.")
    expect(page.locator(".quiz__score")).to_have_text("Score: 1 of 6 (1 answered)")


def test_back_and_forward_show_current_progress(visit):
    page, _ = visit()
    page.goto(ZH)
    _check(page, SINGLE, "练习题", button="检查")
    page.goto(EN)
    _check(page, TRUE_FALSE, "False")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/book/chapters/sft-to-rl/$"))
    expect(page.locator(TRUE_FALSE + " .quiz__feedback")).to_contain_text("答对了。")
    expect(page.locator(".quiz__score")).to_have_text("得分：2 / 6（已作答 2 题）")


def test_reset_clears_everything(visit):
    page, _ = visit()
    page.goto(EN)
    _check(page, SINGLE, "The practice problems")
    page.get_by_role("button", name="Reset the quiz").click()
    expect(page.locator(".quiz__score")).to_have_text("Score: 0 of 6 (0 answered)")
    expect(page.locator(SINGLE + " .quiz__feedback")).to_be_empty()
    expect(
        page.locator(SINGLE).get_by_label("The practice problems", exact=True)
    ).not_to_be_checked()
    page.reload()
    expect(page.locator(".quiz__score")).to_have_text("Score: 0 of 6 (0 answered)")


def test_keyboard_only(visit):
    page, _ = visit()
    page.goto(EN)
    # Options are shuffled per reader: walk them in the order shown.
    page.locator(SINGLE + " input[name=answer]").first.focus()
    target = page.locator(SINGLE).get_by_label("The practice problems", exact=True)
    page.keyboard.press("Space")
    for _ in range(3):
        if target.is_checked():
            break
        page.keyboard.press("ArrowDown")  # radios move and select with arrows
    expect(target).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator(SINGLE).get_by_role("button", name="Check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(SINGLE + " .quiz__feedback")).to_contain_text("Correct.")
    # Checkboxes toggle with Space; Tab walks them, then reaches Check.
    boxes = page.locator(MULTIPLE + " input[name=answer]")
    boxes.first.focus()
    right = {"Reach the right answer", "Present the process nicely for the human"}
    for index in range(boxes.count()):
        label = page.locator(f"{MULTIPLE} label[for='{boxes.nth(index).get_attribute('id')}']")
        if label.inner_text() in right:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    expect(page.locator(MULTIPLE).get_by_role("button", name="Check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(MULTIPLE + " .quiz__feedback")).to_contain_text("Correct.")
    # The answer key opens from the keyboard too.
    summary = page.locator(SINGLE + " summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(SINGLE + " .quiz__explanations")).to_be_visible()


def test_without_javascript_the_answers_can_be_read(visit):
    page, _ = visit(java_script_enabled=False)
    page.goto(EN)
    q = page.locator(SINGLE)
    expect(q.get_by_role("button", name="Check")).to_be_hidden()
    expect(q.locator(".quiz__explanations")).to_be_hidden()
    q.locator("summary").click()
    correct = q.locator(".quiz__explanations li[data-correct]")
    expect(correct).to_be_visible()
    expect(correct).to_contain_text("The practice problems")
    expect(q.locator(".quiz__explanation")).to_contain_text("The three kinds")


def test_a_throwing_local_storage_does_not_break_the_quiz(visit):
    page, traffic = visit()
    page.add_init_script(THROWING_STORAGE)
    page.goto(EN)
    _check(page, SINGLE, "The practice problems")
    expect(page.locator(SINGLE + " .quiz__feedback")).to_contain_text("Correct.")
    expect(page.locator(".quiz__score")).to_have_text("Score: 1 of 6 (1 answered)")
    expect(page.locator(".quiz__note")).to_contain_text("does not allow saving progress")
    # Material's own palette script reads localStorage unguarded and throws; quiz.js must not.
    assert traffic.errors, "the init script did not make localStorage throw"
    assert [e for e in traffic.errors if "quiz.js" in e] == []


def test_a_changed_question_drops_its_stored_answer(visit):
    page, _ = visit()
    page.goto(EN)
    _check(page, SINGLE, "The practice problems")
    page.evaluate(
        """() => {
            const key = 'textbook-quiz:sft-to-rl';
            const saved = JSON.parse(localStorage.getItem(key));
            saved['rl-in-school-analogy'].v = 'an-older-version';
            localStorage.setItem(key, JSON.stringify(saved));
        }"""
    )
    page.reload()
    expect(page.locator(SINGLE + " .quiz__feedback")).to_be_empty()
    expect(page.locator(".quiz__score")).to_have_text("Score: 0 of 6 (0 answered)")
    stored = page.evaluate("() => localStorage.getItem('textbook-quiz:sft-to-rl')")
    assert stored == "{}"


def test_the_quiz_mounts_once_after_in_site_navigation(visit):
    page, traffic = visit()
    page.goto("")
    page.locator("article").get_by_role("link", name="从监督微调到强化学习").click()
    expect(page).to_have_url(re.compile(r"/chapters/sft-to-rl/$"))
    expect(page.locator("section.quiz")).to_have_attribute("data-quiz-mounted", "true")
    _check(page, SINGLE, "练习题", button="检查")
    # One handler per form: a second mount would have answered twice or thrown.
    expect(page.locator(".quiz__score")).to_have_text("得分：1 / 6（已作答 1 题）")
    expect(page.locator(SINGLE + " .quiz__verdict-line")).to_have_count(1)
    assert traffic.errors == []


@pytest.mark.parametrize("path", ["", "en/"])
def test_pages_without_a_quiz_load_no_quiz_assets(visit, path):
    page, traffic = visit()
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert not [url for url in traffic.requests if "quiz" in url]


def test_printouts_show_every_answer(visit):
    page, _ = visit()
    page.goto(EN)
    page.emulate_media(media="print")
    q = page.locator(SINGLE)
    expect(q.locator(".quiz__explanations li[data-correct]")).to_be_visible()
    expect(q.locator(".quiz__explanation")).to_be_visible()
    expect(q.get_by_role("button", name="Check")).to_be_hidden()
    expect(page.locator(".quiz__summary")).to_be_hidden()
