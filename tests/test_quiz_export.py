"""`book.py export-quizzes`: QTI 1.2 and GIFT, parsed back and compared with the quiz files.

QTI is read with lxml and checked for what an importer needs (every file the
manifest names is in the zip, every response condition names a real option,
every feedback link a real feedback block, SCORE set to 100 by exactly the right
answer), then read as Canvas's importer reads answers (canvas_answers: numbers only
from <or> or <and>, true/false only from option texts matching /true/ and /false/).
GIFT is read back by a reader that follows the steps of Moodle's own
(question/format/gift/format.php): escapes, type by the first of '#', '~',
'=' with '->', TRUE/FALSE; weights by its regular expression; '[format]' prefixes;
short answers compared with Moodle's '*' wildcard.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree

from conftest import BOOK
from textbook.quiz.lms.gift import gift_text
from textbook.quiz.lms.qti import qti_package
from textbook.quiz.load import QuizError, load_quiz
from textbook.quiz.render import InlineMarkdown
from textbook.quiz.schema import MultipleChoice, ShortAnswer, TrueFalse

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "export"
FIXTURE = FIXTURES / "every-type.yml"
TRAPS = FIXTURES / "gift-traps.yml"
LANGS = ("zh", "en")
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
TRUE_FALSE = {"zh": ("对", "错"), "en": ("True", "False")}
# What learners read in each language's options, Canvas's marker added where missing.
SHOWN_TRUE_FALSE = {"zh": ["对 (True)", "错 (False)"], "en": ["True", "False"]}
# The question types Canvas's QTI importer knows, by its own names.
CANVAS_TYPES = {
    "multiple_choice_question",
    "true_false_question",
    "multiple_answers_question",
    "numerical_question",
    "short_answer_question",
}

RENDER = InlineMarkdown(SimpleNamespace(markdown_extensions=[], mdx_configs={}))


def _package(quiz, lang):
    return qti_package(
        [quiz], lang, RENDER, title=lambda q: f"Title {q.id}", true_false=TRUE_FALSE[lang]
    )


# -----------------------------------------------------------------------------
# QTI
# -----------------------------------------------------------------------------


def read_qti(data: bytes) -> dict[str, etree._Element]:
    """Assessments by resource id, after checking the package's structure."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
        assert manifest.tag == f"{CP}manifest"
        assert manifest.findtext(f"{CP}metadata/{CP}schema") == "IMS Content"
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        listed = {r.find(f"{CP}file").get("href") for r in resources}
        assert names == listed | {"imsmanifest.xml"}, "a file is missing or unlisted"
        assessments = {}
        for resource in resources:
            assert resource.get("type") == "imsqti_xmlv1p2"
            root = etree.fromstring(package.read(resource.get("href")))
            assert root.tag == f"{QTI}questestinterop"
            assessments[resource.get("identifier")] = root.find(f"{QTI}assessment")
    return assessments


def check_item(item, question, lang: str) -> None:
    """One item against its question: text, type, options, scoring, feedback."""
    q = lambda path: item.find(path.replace("/", f"/{QTI}").replace("^", QTI))  # noqa: E731
    fields = {
        f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
        for f in item.iter(f"{QTI}qtimetadatafield")
    }
    assert fields["question_type"] in CANVAS_TYPES
    assert q("^presentation/material/mattext").text == RENDER(question.question[lang])
    feedback = {
        fb.get("ident"): fb.find(f".//{QTI}mattext").text for fb in item.iter(f"{QTI}itemfeedback")
    }
    assert feedback["general_fb"] == RENDER(question.explanation[lang])
    links = [d.get("linkrefid") for d in item.iter(f"{QTI}displayfeedback")]
    assert set(links) == set(feedback), "a feedback link without its block, or the reverse"
    scoring = [
        c
        for c in item.iter(f"{QTI}respcondition")
        if c.findtext(f"{QTI}setvar") == "100" and c.find(f"{QTI}setvar").get("varname") == "SCORE"
    ]
    assert scoring and all(c.get("continue") == "No" for c in scoring)

    if isinstance(question, ShortAnswer):
        fib = q("^presentation/response_str/render_fib")
        if question.accept.numbers:
            assert fields["question_type"] == "numerical_question"
            assert fib.get("fibtype") == "Decimal"
            tol = Decimal(repr(question.accept.tolerance))
            assert canvas_numbers(scoring) == [
                ("exact_answer", Decimal(repr(n)), tol) for n in question.accept.numbers
            ]
        else:
            assert fields["question_type"] == "short_answer_question"
            texts = [c.findtext(f".//{QTI}varequal") for c in scoring]
            assert texts == question.accept.texts[lang]
        return

    lid = q("^presentation/response_lid")
    multiple = isinstance(question, MultipleChoice)
    assert lid.get("rcardinality") == ("Multiple" if multiple else "Single")
    labels = lid.findall(f".//{QTI}response_label")
    idents = [label.get("ident") for label in labels]
    assert len(set(idents)) == len(idents)
    for equal in item.iter(f"{QTI}varequal"):
        assert equal.get("respident") == lid.get("ident") and equal.text in idents
    pinned = getattr(question, "pin_order", False)
    assert lid.find(f"{QTI}render_choice").get("shuffle") == ("No" if pinned else "Yes")
    shown = [label.find(f".//{QTI}mattext").text for label in labels]
    if isinstance(question, TrueFalse):
        assert shown == SHOWN_TRUE_FALSE[lang]
        assert canvas_true_false(shown) == ["True", "False"], "Canvas makes it multiple choice"
        correct = {idents[0 if question.answer else 1]}
        whys = [question.explain_true, question.explain_false]
    else:
        assert shown == [RENDER(o.text[lang]) for o in question.options]
        correct = {i for i, o in zip(idents, question.options, strict=True) if o.correct}
        whys = [o.explanation for o in question.options]
    (condition,) = scoring
    chosen = {e.text for e in condition.iter(f"{QTI}varequal") if e.getparent().tag != f"{QTI}not"}
    refused = {e.text for e in condition.iter(f"{QTI}varequal") if e.getparent().tag == f"{QTI}not"}
    assert chosen == correct
    assert refused == (set(idents) - correct if multiple else set())
    # Each option's explanation is shown when that option is chosen.
    for ident, why in zip(idents, whys, strict=True):
        shows = [
            c.find(f"{QTI}displayfeedback").get("linkrefid")
            for c in item.iter(f"{QTI}respcondition")
            if c.find(f"{QTI}displayfeedback") is not None
            and c.findtext(f"{QTI}conditionvar/{QTI}varequal") == ident
        ]
        assert [feedback[s] for s in shows] == ([RENDER(why[lang])] if why else [])


def canvas_numbers(conditions) -> list[tuple]:
    """Each scoring condition as Canvas's numeric importer reads it (QTIMigrationTool turns
    <varequal> into stringMatch, vargte/varlte into customOperator; numeric_interaction.rb):
    an <or> is an exact answer (the <varequal>) with a margin (the varlte minus it), an
    <and> a range; anything else, a bare <varequal> included, gives no answer."""
    answers = []
    for condition in conditions:
        either = condition.find(f".//{QTI}or")
        if either is not None:
            exact = either.findtext(f"{QTI}varequal")
            if exact is None:
                continue
            upper = either.findtext(f"{QTI}and/{QTI}varlte")
            margin = Decimal(upper) - Decimal(exact) if upper is not None else Decimal(0)
            answers.append(("exact_answer", Decimal(exact), margin))
        elif (both := condition.find(f".//{QTI}and")) is not None:
            low, high = both.findtext(f"{QTI}vargte"), both.findtext(f"{QTI}varlte")
            answers.append(("range_answer", Decimal(low), Decimal(high)))
    return answers


def canvas_true_false(texts: list[str]) -> list[str] | None:
    """Canvas's check (choice_interaction.rb): two options, one matching /true/i and
    another /false/i; it then names them True and False. None: multiple choice."""
    if len(texts) != 2:
        return None
    true = next((t for t in texts if re.search("true", t, re.I)), None)
    false = next((t for t in texts if t is not true and re.search("false", t, re.I)), None)
    if true is None or false is None:
        return None
    return ["True" if t is true else "False" for t in texts]


def test_the_canvas_readers_refuse_what_canvas_refuses():
    """The readers above are not always true: the old forms fail them."""
    bare = etree.fromstring(
        f'<respcondition xmlns="{QTI[1:-1]}"><conditionvar>'
        '<varequal respident="response1">3</varequal></conditionvar></respcondition>'
    )
    assert canvas_numbers([bare]) == []
    assert canvas_true_false(["对", "错"]) is None
    assert canvas_true_false(["真 (True)", "假 (False)"]) == ["True", "False"]


@pytest.mark.parametrize("lang", LANGS)
def test_qti_numbers_are_plain_decimals_in_canvas_form(lang):
    quiz = load_quiz(TRAPS, LANGS)
    (assessment,) = read_qti(_package(quiz, lang)).values()
    (item,) = [i for i in assessment.iter(f"{QTI}item") if i.get("title") == "tiny-number"]
    numbers = [e.text for e in item.iter(f"{QTI}varequal", f"{QTI}vargte", f"{QTI}varlte")]
    assert numbers == ["0.00001", "0.000009", "0.000011", "-2.5", "-2.500001", "-2.499999"]
    for item, question in zip(assessment.iter(f"{QTI}item"), quiz.questions, strict=True):
        check_item(item, question, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_qti_has_every_question_type_as_written(lang):
    quiz = load_quiz(FIXTURE, LANGS)
    (assessment,) = read_qti(_package(quiz, lang)).values()
    assert assessment.get("ident") == quiz.id
    assert assessment.get("title") == f"Title {quiz.id}"
    items = assessment.findall(f"{QTI}section/{QTI}item")
    assert [i.get("title") for i in items] == [q.id for q in quiz.questions]
    assert len({i.get("ident") for i in items}) == len(items)
    for item, question in zip(items, quiz.questions, strict=True):
        check_item(item, question, lang)


# -----------------------------------------------------------------------------
# GIFT
# -----------------------------------------------------------------------------

# Moodle's escapedchar_pre: '\\' first, then the escaped specials, to placeholders.
ESCAPES = {"\\\\": "\x00", "\\:": "\x01", "\\#": "\x02", "\\=": "\x03", "\\{": "\x04"}
ESCAPES |= {"\\}": "\x05", "\\~": "\x06", "\\n": "\x07"}
PLAIN = {"\x00": "\\", "\x01": ":", "\x02": "#", "\x03": "=", "\x04": "{", "\x05": "}"}
PLAIN |= {"\x06": "~", "\x07": "\n"}
FORMATS = ("moodle", "html", "plain", "markdown")
GIFT_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")  # $giftanswerweightregex
PHP_NUMERIC = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")  # is_numeric


def _plain(text: str) -> str:
    for mark, char in PLAIN.items():
        text = text.replace(mark, char)
    return text.strip()


def _formatted(text: str) -> tuple[str | None, str]:
    """parse_text_with_format: a leading [name] of a known format is a format."""
    text = text.strip()
    if text.startswith("["):
        name = text[1 : text.find("]")]
        if name in FORMATS:
            return name, _plain(text[len(name) + 2 :])
    return None, _plain(text)


def _weighted(answer: str, default: float) -> tuple[float, str]:
    """answerweightparser, when Moodle's weight pattern matches the answer's start."""
    if GIFT_WEIGHT.match(answer):
        value, _, rest = answer[1:].partition("%")
        return float(value), rest
    return default, answer


def _commented(answer: str) -> tuple[str, str]:
    text, _, why = answer.partition("#")
    return _formatted(text)[1], _formatted(why)[1]


def read_gift(text: str) -> list[dict]:
    """Questions as Moodle's GIFT importer reads them, step by step (readquestion)."""
    questions, category = [], None
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [" " if line.strip().startswith("//") else line for line in block.split("\n")]
        block = "\n".join(lines).strip()
        for escaped, mark in ESCAPES.items():
            block = block.replace(escaped, mark)
        if block.startswith("$CATEGORY:"):
            category = block.removeprefix("$CATEGORY:").strip()
            continue
        name, body = re.fullmatch(r"::(.*?)::(.*)", block, re.DOTALL).groups()
        start, finish = body.find("{"), body.find("}")
        assert start >= 0 and finish > start, f"braceerror in {name}"
        assert body.count("{") == 1 and body.count("}") == 1, f"unescaped brace in {name}"
        answers = body[start + 1 : finish].strip()
        head = body[:start]
        general = ""
        if "####" in answers:
            answers, _, general = answers.rpartition("####")
            answers = answers.strip()
        fmt, head = _formatted(head)
        q = {"category": category, "name": _plain(name), "format": fmt, "text": head}
        q["general"] = _formatted(general)[1]
        if not answers:
            q["type"] = "essay"
        elif answers[0] == "#":
            q["type"] = "numerical"
            q["numbers"] = []
            for part in [a.strip() for a in answers[1:].split("=")]:
                if part:
                    weight, part = _weighted(part, 100.0)
                    number, _, tolerance = _commented(part)[0].partition(":")
                    assert PHP_NUMERIC.match(number) and PHP_NUMERIC.match(tolerance or "0")
                    q["numbers"].append((number.strip(), tolerance.strip() or "0", weight))
        elif "~" in answers:
            q["type"] = "multichoice"
            q["single"] = "=" in answers
            q["options"] = []
            for part in answers.replace("=", "~=").split("~"):
                part = part.strip()
                if not part:
                    continue
                if part[0] == "=":
                    weight, part = 100.0, part[1:]
                else:
                    weight, part = _weighted(part, 0.0)
                q["options"].append((*_commented(part), weight))
        elif "=" in answers and "->" in answers:
            q["type"] = "match"
        elif answers.split("#")[0].strip() in ("TRUE", "FALSE", "T", "F"):
            q["type"] = "truefalse"
            bits = (answers.split("#", 2) + ["", ""])[:3]
            q["answer"] = bits[0].strip() in ("TRUE", "T")
            q["wrong"], q["right"] = _formatted(bits[1])[1], _formatted(bits[2])[1]
        else:
            q["type"] = "shortanswer"
            q["texts"] = []
            for part in [a.strip() for a in answers.split("=")]:
                if part:
                    weight, part = _weighted(part, 100.0)
                    q["texts"].append((_commented(part)[0], weight))
        questions.append(q)
    return questions


def moodle_matches(response: str, pattern: str) -> bool:
    """qtype_shortanswer's compare_string_with_wildcard: runs of '*' not escaped match
    anything, '\\*' is a star, the rest is literal; case ignored."""
    bits = re.split(r"(?<!\\)\*+", pattern)
    regex = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.fullmatch(regex, response, re.IGNORECASE) is not None


def check_gift(read: dict, question, quiz_id: str, lang: str) -> None:
    assert read["category"] == quiz_id and read["name"] == question.id
    assert read["format"] == "markdown"
    assert read["text"] == question.question[lang]
    assert read["general"] == question.explanation[lang]
    if isinstance(question, ShortAnswer):
        accept = question.accept
        if accept.numbers:
            assert read["type"] == "numerical"
            assert [(Decimal(n), Decimal(t), w) for n, t, w in read["numbers"]] == [
                (Decimal(repr(n)), Decimal(repr(accept.tolerance)), 100.0) for n in accept.numbers
            ]
            assert not any("e" in n + t for n, t, _ in read["numbers"]), "exponent form"
        else:
            assert read["type"] == "shortanswer"
            assert [w for _, w in read["texts"]] == [100.0] * len(accept.texts[lang])
            patterns = [p for p, _ in read["texts"]]
            for text, pattern in zip(accept.texts[lang], patterns, strict=True):
                assert moodle_matches(text, pattern), (text, pattern)
                assert not moodle_matches(text + "x", pattern), (text, pattern)
        return
    if isinstance(question, TrueFalse):
        assert read["type"] == "truefalse" and read["answer"] == question.answer
        right, wrong = (question.explain_true, question.explain_false)
        if not question.answer:
            right, wrong = wrong, right
        assert read["right"] == (right[lang] if right else "")
        assert read["wrong"] == (wrong[lang] if wrong else "")
        return
    multiple = isinstance(question, MultipleChoice)
    assert read["type"] == "multichoice" and read["single"] == (not multiple)
    texts = [(o.text[lang], o.explanation[lang] if o.explanation else "") for o in question.options]
    assert [(text, why) for text, why, _ in read["options"]] == texts
    weights = [w for _, _, w in read["options"]]
    assert [w > 0 for w in weights] == [o.correct for o in question.options]
    if not multiple:
        assert weights == [100.0 if o.correct else 0.0 for o in question.options]
    # Moodle refuses a multiple-answer question whose right answers do not add up to 100%.
    assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=1e-4)


@pytest.mark.parametrize("lang", LANGS)
def test_gift_has_every_question_type_as_written(lang):
    quiz = load_quiz(FIXTURE, LANGS)
    text = gift_text([quiz], lang, title=lambda q: "a title")
    assert "a = b" not in text and "a \\= b" in text  # specials are escaped
    read = read_gift(text)
    assert len(read) == len(quiz.questions)
    for entry, question in zip(read, quiz.questions, strict=True):
        check_gift(entry, question, quiz.id, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_gift_reads_back_texts_that_mean_something_to_moodle(lang):
    quiz = load_quiz(TRAPS, LANGS)
    text = gift_text([quiz], lang, title=lambda q: "a title")
    read = read_gift(text)
    for entry, question in zip(read, quiz.questions, strict=True):
        check_gift(entry, question, quiz.id, lang)
    assert "e-0" not in text and "0.00001:0.000001" in text


def test_the_gift_reader_reads_what_moodle_reads():
    """The old forms: '->' made a matching question, a leading %10% a weight."""
    (matching,) = read_gift("::a::[markdown]Q {\n=a->b\n####x\n}")
    assert matching["type"] == "match"
    (weighted,) = read_gift("::a::Q {\n=right\n~%10%wrong\n}")
    assert [w for _, _, w in weighted["options"]] == [100.0, 10.0]
    assert moodle_matches("anything", "*") and not moodle_matches("x", "\\*")


def test_arrow_among_several_accepted_texts_is_an_authoring_error():
    """Refused when the quiz is read, so `mkdocs build` tells the author, not the export the
    teacher."""
    with pytest.raises(QuizError) as caught:
        load_quiz(FIXTURES / "arrow-among-several.yml", LANGS, shown_as="arrow.yml")
    assert str(caught.value) == (
        "arrow.yml:7: question 'q1' → accept.texts (zh): Moodle's GIFT reads '->' in a "
        "short answer with several accepted texts as a matching question, and GIFT cannot "
        "escape it. Keep that text alone in its list, or write it without '->' (for example "
        "with '→')."
    )


def test_accepted_texts_in_one_language_only_are_an_authoring_error():
    with pytest.raises(QuizError) as caught:
        load_quiz(FIXTURES / "short-texts-one-language.yml", LANGS, shown_as="one.yml")
    assert str(caught.value) == (
        "one.yml:7: question 'q1' → accept.texts: accepted texts in zh but none in en; "
        "add 'en: [...]' with the answers a reader of that language types."
    )


# -----------------------------------------------------------------------------
# The command, on the fixture book
# -----------------------------------------------------------------------------


def test_the_command_exports_the_books_quizzes_in_every_language(book):
    out = book / "quiz-export"
    result = subprocess.run(
        [sys.executable, "hooks/book.py", "export-quizzes", "--out", str(out)],
        cwd=book,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    real = [load_quiz(p, LANGS) for p in sorted((BOOK / "docs" / "quizzes").glob("*.yml"))]
    titles = {
        "zh": "从监督微调到强化学习",
        "en": "From Supervised Fine-Tuning to Reinforcement Learning",
    }
    for lang in LANGS:
        assert f"wrote {(out / lang / 'quizzes-qti.zip').as_posix()}" in result.stdout
        assessments = read_qti((out / lang / "quizzes-qti.zip").read_bytes())
        assert set(assessments) == {quiz.id for quiz in real}
        assert assessments["sft-to-rl"].get("title") == titles[lang]
        read = read_gift((out / lang / "quizzes.gift.txt").read_text("utf-8"))
        questions = [(quiz.id, q) for quiz in real for q in quiz.questions]
        assert len(read) == len(questions)
        for entry, (quiz_id, question) in zip(read, questions, strict=True):
            check_gift(entry, question, quiz_id, lang)
        for quiz in real:
            items = assessments[quiz.id].findall(f"{QTI}section/{QTI}item")
            for item, question in zip(items, quiz.questions, strict=True):
                check_item(item, question, lang)
