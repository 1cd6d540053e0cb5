"""Every labelled published plan (tests/samples/public/ and found/) is read into exactly the
outline a person wrote by reading it: the same items, at the same levels, with the same
titles, compared as bench/fidelity.py compares them.

A document the parser does not read right yet is an expected failure with the reason, strict,
so the day it comes out right the test says so and the mark is taken off. The expectations
are never changed to pass; tests/samples/corrected/ holds the only corrected one, with why.
"""

from __future__ import annotations

import pytest

from bench.fidelity import differences, labelled_documents, parsed_items

STILL_WRONG = {
    "found/04_zhejiang_district_2020_shishi_table_fused":
        "table cells run together with no separator (教育惠民启动…)",
    "found/14_city_2021_bnzj_inline_fourlevels":
        "four levels inline: the (一) glued to 一、's title has no (二) after it in the "
        "excerpt, so it is not believed; 一是 titles are sentences cut at the first comma",
}

DOCUMENTS = labelled_documents()


def _case(doc):
    key = f"{doc.folder}/{doc.name}"
    marks = [pytest.mark.xfail(reason=STILL_WRONG[key], strict=True)] if key in STILL_WRONG else []
    return pytest.param(doc, id=key, marks=marks)


@pytest.mark.parametrize("doc", [_case(doc) for doc in DOCUMENTS])
def test_labelled_document_parses_to_its_expected_outline(doc):
    told = differences(doc.expected, parsed_items(doc.text), doc.non_items)
    assert not told, "\n".join(told)


def test_every_still_wrong_reason_names_a_labelled_document():
    names = {f"{doc.folder}/{doc.name}" for doc in DOCUMENTS}
    assert set(STILL_WRONG) <= names
    assert len(DOCUMENTS) == 54


def test_the_comparison_tells_what_differs():
    expected = [(1, "加强党的建设"), (2, "全面加强政治建设"), (2, "建强基层组织")]
    assert differences(expected, [(1, "加强党的建设。"), (2, "全面加强政治建设"),
                                  (2, "建强基层组织")]) == []
    assert differences(expected, [(1, "加强党的建设"), (3, "全面加强政治建设")]) == [
        "wrong level: '全面加强政治建设' is level 2, parsed as 3", "missing: level 2 '建强基层组织'"]
    assert differences(expected[:1], [(1, "加强党的建设"), (2, "责任单位:办公室")],
                       ["责任单位:办公室"]) == ["extra: level 2 '责任单位:办公室'",
                                             "non-item read as an item: '责任单位:办公室'"]
