"""`book.py export-quizzes`: QTI 1.2 and GIFT, parsed back and compared with the quiz files.

QTI is read with lxml and checked for what an importer needs (every file the
manifest names is in the zip, every response condition names a real option,
every feedback link a real feedback block, SCORE set to 100 by exactly the right
answer). GIFT is read back by a small reader that follows Moodle's own import
rules (escapes, ####, # feedback, %weights%, {#n:tolerance}).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree

from quiz.load import load_quiz
from quiz.render import InlineMarkdown
from quiz.schema import MultipleChoice, ShortAnswer, TrueFalse
from quiz_book.gift import gift_text
from quiz_book.qti import qti_package

ROOT = Path(__file__).parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "export" / "every-type.yml"
LANGS = ("zh", "en")
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
TRUE_FALSE = {"zh": ("对", "错"), "en": ("True", "False")}
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
            ranges = []
            for condition in scoring:
                low = condition.findtext(f".//{QTI}vargte")
                high = condition.findtext(f".//{QTI}varlte")
                exact = condition.findtext(f".//{QTI}varequal")
                ranges.append((float(low), float(high)) if low else (float(exact),) * 2)
            tol = question.accept.tolerance
            assert ranges == [pytest.approx((n - tol, n + tol)) for n in question.accept.numbers]
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
        assert shown == list(TRUE_FALSE[lang])
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

ESCAPES = {"\\\\": "\x00", "\\:": "\x01", "\\#": "\x02", "\\=": "\x03", "\\{": "\x04"}
ESCAPES |= {"\\}": "\x05", "\\~": "\x06", "\\n": "\x07"}
PLAIN = {"\x00": "\\", "\x01": ":", "\x02": "#", "\x03": "=", "\x04": "{", "\x05": "}"}
PLAIN |= {"\x06": "~", "\x07": "\n"}


def _plain(text: str) -> str:
    for mark, char in PLAIN.items():
        text = text.replace(mark, char)
    return text.strip()


def read_gift(text: str) -> list[dict]:
    """Questions as Moodle's importer reads them (a reader for this test, not all of GIFT)."""
    questions, category = [], None
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in block.split("\n") if not line.strip().startswith("//")]
        block = "\n".join(lines).strip()
        for escaped, mark in ESCAPES.items():
            block = block.replace(escaped, mark)
        if block.startswith("$CATEGORY:"):
            category = block.removeprefix("$CATEGORY:").strip()
            continue
        name, body = re.fullmatch(r"::(.*?)::(.*)", block, re.DOTALL).groups()
        assert body.count("{") == 1 and body.count("}") == 1, f"unescaped brace in {name}"
        head, answers = body[: body.index("}")].split("{")
        answers, _, general = answers.rpartition("####") if "####" in answers else (answers, 0, "")
        fmt, head = re.fullmatch(r"(?:\[(\w+)\])?(.*)", head.strip(), re.DOTALL).groups()
        q = {
            "category": category,
            "name": _plain(name),
            "format": fmt,
            "text": _plain(head),
            "general": _plain(general),
        }
        answers = answers.strip()
        if answers.startswith("#"):
            q["type"] = "numerical"
            q["numbers"] = [
                tuple(float(x) for x in a.split(":")) for a in answers[1:].replace("=", " ").split()
            ]
        elif "~" in answers:
            q["type"] = "multichoice"
            q["single"] = "=" in answers
            q["options"] = []
            for part in answers.replace("=", "~=").split("~")[1:]:
                weight = 100.0 if part.startswith("=") else 0.0
                part = part.removeprefix("=")
                if match := re.match(r"%(-?[\d.]+)%", part):
                    weight, part = float(match.group(1)), part[match.end() :]
                option, _, why = part.partition("#")
                q["options"].append((_plain(option), weight, _plain(why)))
        elif answers.split("#")[0].strip() in ("TRUE", "FALSE", "T", "F"):
            q["type"] = "truefalse"
            bits = (answers.split("#") + ["", ""])[:3]
            q["answer"] = bits[0].strip() in ("TRUE", "T")
            q["wrong"], q["right"] = _plain(bits[1]), _plain(bits[2])
        else:
            q["type"] = "shortanswer"
            q["texts"] = [_plain(a) for a in answers.split("=")[1:]]
        questions.append(q)
    return questions


def check_gift(read: dict, question, quiz_id: str, lang: str) -> None:
    assert read["category"] == quiz_id and read["name"] == question.id
    assert read["format"] == "markdown"
    assert read["text"] == question.question[lang]
    assert read["general"] == question.explanation[lang]
    if isinstance(question, ShortAnswer):
        accept = question.accept
        if accept.numbers:
            assert read["type"] == "numerical"
            assert read["numbers"] == [(n, accept.tolerance) for n in accept.numbers]
        else:
            assert read["type"] == "shortanswer" and read["texts"] == accept.texts[lang]
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
    assert [(text, why) for text, _, why in read["options"]] == texts
    weights = [w for _, w, _ in read["options"]]
    assert [w > 0 for w in weights] == [o.correct for o in question.options]
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


# -----------------------------------------------------------------------------
# The command, on the real book
# -----------------------------------------------------------------------------


def test_the_command_exports_the_books_quizzes_in_every_language(tmp_path):
    result = subprocess.run(
        [sys.executable, "hooks/book.py", "export-quizzes", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    real = [load_quiz(p, LANGS) for p in sorted((ROOT / "docs" / "quizzes").glob("*.yml"))]
    titles = {
        "zh": "从监督微调到强化学习",
        "en": "From Supervised Fine-Tuning to Reinforcement Learning",
    }
    for lang in LANGS:
        assert f"wrote {(tmp_path / lang / 'quizzes-qti.zip').as_posix()}" in result.stdout
        assessments = read_qti((tmp_path / lang / "quizzes-qti.zip").read_bytes())
        assert set(assessments) == {quiz.id for quiz in real}
        assert assessments["sft-to-rl"].get("title") == titles[lang]
        read = read_gift((tmp_path / lang / "quizzes.gift.txt").read_text("utf-8"))
        questions = [(quiz.id, q) for quiz in real for q in quiz.questions]
        assert len(read) == len(questions)
        for entry, (quiz_id, question) in zip(read, questions, strict=True):
            check_gift(entry, question, quiz_id, lang)
        for quiz in real:
            items = assessments[quiz.id].findall(f"{QTI}section/{QTI}item")
            for item, question in zip(items, quiz.questions, strict=True):
                check_item(item, question, lang)
