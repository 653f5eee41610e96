"""One language's quizzes as a QTI 1.2 package, as Canvas imports it ("QTI .zip file").

A zip with imsmanifest.xml (IMS Content Packaging 1.1) and one assessment per
quiz. Choice questions are response_lid items whose response processing sets
SCORE to 100 for the right answer and shows each option's explanation
(displayfeedback → itemfeedback); text-only short answers are fill-in-the-blank
items. The question's explanation is the general feedback ("general_fb"), as
Canvas writes it. The standard library's ElementTree writes the XML: exporting
quizzes needs nothing beyond requirements.txt.

Written the way Canvas's own importer (QTIMigrationTool, then qti_exporter) reads it:
- a number is an exact answer with a margin, in the form Canvas's own exports use:
  <or> of <varequal>n</varequal> and <and> n - tolerance <= x <= n + tolerance;
  a bare <varequal> imports with no right answer;
- Canvas keeps a true/false question only when its two option texts match /true/
  and /false/ (then shows its own True and False), else it becomes multiple choice:
  an option whose label does not say so is written 'label (True)', 'label (False)'.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from textbook.quiz.lms.numbers import bounds, decimal_text
from textbook.quiz.schema import MultipleChoice, ShortAnswer, TrueFalse

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
RESPONSE = "response1"
CANVAS_TRUE_FALSE = ("True", "False")  # what Canvas looks for, case aside

QUESTION_TYPES = {
    "single": "multiple_choice_question",
    "true_false": "true_false_question",
    "multiple": "multiple_answers_question",
}


def qti_package(quizzes: list, lang: str, render, *, title, true_false: tuple[str, str]) -> bytes:
    """The zip's bytes. render: inline Markdown -> HTML; title(quiz) -> its chapter's title."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("imsmanifest.xml", _xml(_manifest(quizzes, lang), CP_NS))
        for quiz in quizzes:
            assessment = _assessment(quiz, lang, render, title(quiz), true_false)
            package.writestr(f"{quiz.id}/{quiz.id}.xml", _xml(assessment, QTI_NS))
    return buffer.getvalue()


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _xml(root: ET.Element, namespace: str) -> bytes:
    root.set("xmlns", namespace)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _manifest(quizzes: list, lang: str) -> ET.Element:
    manifest = ET.Element("manifest", identifier=f"textbook-quizzes-{lang}")
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    for quiz in quizzes:
        href = f"{quiz.id}/{quiz.id}.xml"
        resource = ET.SubElement(
            resources, "resource", identifier=quiz.id, type="imsqti_xmlv1p2", href=href
        )
        ET.SubElement(resource, "file", href=href)
    return manifest


def _assessment(quiz, lang: str, render, title: str, true_false) -> ET.Element:
    root = ET.Element("questestinterop")
    assessment = ET.SubElement(root, "assessment", ident=quiz.id, title=title)
    section = ET.SubElement(assessment, "section", ident="root_section")
    for question in quiz.questions:
        section.append(_item(quiz, question, lang, render, true_false))
    return root


def _text(parent: ET.Element, html: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/html").text = html


def _field(parent: ET.Element, label: str, entry: str) -> None:
    field = ET.SubElement(parent, "qtimetadatafield")
    ET.SubElement(field, "fieldlabel").text = label
    ET.SubElement(field, "fieldentry").text = entry


def _choices(question, lang: str, render, true_false) -> list[tuple[str, bool, str | None]]:
    """(text, correct, explanation) per option, in the authored order."""
    if isinstance(question, TrueFalse):
        whys = (question.explain_true, question.explain_false)
        return [
            (_marked(label, marker), question.answer == value, render(why[lang]) if why else None)
            for label, marker, value, why in zip(
                true_false, CANVAS_TRUE_FALSE, (True, False), whys, strict=True
            )
        ]
    return [
        (render(o.text[lang]), o.correct, render(o.explanation[lang]) if o.explanation else None)
        for o in question.options
    ]


def _item(quiz, question, lang: str, render, true_false) -> ET.Element:
    item = ET.Element("item", ident=f"{quiz.id}-{question.id}", title=question.id)
    meta = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    presentation = ET.SubElement(item, "presentation")
    _text(presentation, render(question.question[lang]))
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(
        outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal"
    )
    feedback = {"general_fb": render(question.explanation[lang])}
    # The explanation is shown whatever the answer.
    shown = ET.SubElement(processing, "respcondition", attrib={"continue": "Yes"})
    ET.SubElement(ET.SubElement(shown, "conditionvar"), "other")
    ET.SubElement(shown, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")

    if isinstance(question, ShortAnswer):
        _short(question, lang, meta, presentation, processing)
    else:
        _field(meta, "question_type", QUESTION_TYPES[question.type])
        multiple = isinstance(question, MultipleChoice)
        lid = ET.SubElement(
            presentation,
            "response_lid",
            ident=RESPONSE,
            rcardinality="Multiple" if multiple else "Single",
        )
        pinned = getattr(question, "pin_order", False)
        render_choice = ET.SubElement(lid, "render_choice", shuffle="No" if pinned else "Yes")
        options = _choices(question, lang, render, true_false)
        for index, (text, _, why) in enumerate(options):
            label = ET.SubElement(render_choice, "response_label", ident=f"o{index}")
            _text(label, text)
            if why:
                feedback[f"o{index}_fb"] = why
                condition = ET.SubElement(processing, "respcondition", attrib={"continue": "Yes"})
                _equal(ET.SubElement(condition, "conditionvar"), f"o{index}")
                ET.SubElement(
                    condition, "displayfeedback", feedbacktype="Response", linkrefid=f"o{index}_fb"
                )
        right = ET.SubElement(processing, "respcondition", attrib={"continue": "No"})
        test = ET.SubElement(right, "conditionvar")
        if multiple:
            test = ET.SubElement(test, "and")
        for index, (_, correct, _) in enumerate(options):
            if correct:
                _equal(test, f"o{index}")
            elif multiple:
                _equal(ET.SubElement(test, "not"), f"o{index}")
        _score(right)
    _field(meta, "points_possible", "1")
    for ident, html in feedback.items():
        block = ET.SubElement(item, "itemfeedback", ident=ident)
        _text(ET.SubElement(block, "flow_mat"), html)
    return item


def _short(question, lang: str, meta, presentation, processing) -> None:
    """Numbers become ranges (the tolerance kept); text-only answers match exactly."""
    numeric = bool(question.accept.numbers)
    _field(meta, "question_type", "numerical_question" if numeric else "short_answer_question")
    response = ET.SubElement(presentation, "response_str", ident=RESPONSE, rcardinality="Single")
    fib = ET.SubElement(response, "render_fib", fibtype="Decimal" if numeric else "String")
    ET.SubElement(fib, "response_label", ident="answer1")
    if numeric:
        tolerance = question.accept.tolerance
        for number in question.accept.numbers:
            right = ET.SubElement(processing, "respcondition", attrib={"continue": "No"})
            either = ET.SubElement(ET.SubElement(right, "conditionvar"), "or")
            _equal(either, decimal_text(number))
            low, high = bounds(number, tolerance)
            within = ET.SubElement(either, "and")
            ET.SubElement(within, "vargte", respident=RESPONSE).text = low
            ET.SubElement(within, "varlte", respident=RESPONSE).text = high
            _score(right)
        return
    for text in question.accept.texts[lang]:
        right = ET.SubElement(processing, "respcondition", attrib={"continue": "No"})
        _equal(ET.SubElement(right, "conditionvar"), text)
        _score(right)


def _equal(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "varequal", respident=RESPONSE).text = value


def _score(condition: ET.Element) -> None:
    ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"


def _marked(label: str, marker: str) -> str:
    """The language's label, with Canvas's marker when the label does not contain it."""
    return label if marker.lower() in label.lower() else f"{label} ({marker})"
