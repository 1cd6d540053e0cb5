"""The fields of a task list and the many names its headers give them.

Issued lists name one field many ways (牵头单位, 牵头股室, 责任股室 …), in one or two header
rows, with brackets and notes (``牵头单位（股室）``); a header cell is reduced to a key and
looked up, or matched by a known name at its start.
"""

from __future__ import annotations

import functools
import re

from planner_desktop.domain.text import normalise, to_simplified

# Field → header names seen in issued lists (compared after removing spaces and brackets).
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("序号", "编号", "序", "项目编号", "任务编号"),
    "category": ("类别", "分类", "项目类别", "工作类别", "板块", "领域", "工作板块"),
    "task": ("重点任务", "工作任务", "目标与任务", "任务内容", "工作内容", "民生事项名称",
             "任务", "主要任务", "重点工作", "工作事项", "目标任务", "工作要点", "要点",
             "任务名称", "重点工作任务", "事项", "工作目标"),
    "measure": ("具体措施", "工作措施", "主要内容", "措施", "具体内容", "推进措施", "工作举措",
                "主要措施", "具体工作", "具体任务", "工作要求"),
    "lead": ("牵头单位", "牵头股室", "牵头责任单位", "主要责任单位", "责任股室", "责任科室",
             "牵头科室", "牵头部门", "主责单位", "牵头处室", "责任主体"),
    "support": ("配合单位", "配合股室", "协同配合单位", "协办单位", "配合科室", "协同单位",
                "参与单位", "配合部门", "协助单位"),
    "units": ("责任单位", "责任部门", "承办单位", "实施单位"),
    "schools": ("责任学校", "落实学校", "实施学校", "相关学校", "学校"),
    "person": ("责任人", "分管领导", "责任领导", "联系人", "分管局领导", "具体责任人"),
    "deadline": ("完成时限", "完成时间", "办理时限", "时间节点", "时限", "完成期限",
                 "时间安排", "时间", "完成时间节点", "截止时间"),
    "progress": ("进展情况", "完成情况", "推进情况", "进度情况", "工作进展"),
    "note": ("备注", "说明"),
}
# Header names that name one field beside another and a second field alone: a 项目 column
# beside a 重点任务 column holds the categories the tasks are grouped in (项目 | 重点任务 |
# 具体措施); a list whose only text column is 项目 lists its tasks there.
SHARED_NAMES: dict[str, tuple[str, frozenset[str], str]] = {
    "项目": ("category", frozenset({"task", "measure"}), "task"),
}
FIELD_LABELS = {
    "code": "序号", "category": "类别", "task": "任务", "measure": "具体措施", "lead": "牵头单位",
    "support": "配合单位", "units": "责任单位", "schools": "责任学校", "person": "责任人",
    "deadline": "完成时限", "progress": "进展情况", "note": "备注", "": "（不导入）",
}
UNIT_FIELDS = frozenset({"lead", "support", "units", "schools", "lead_only"})


def header_key(text: str) -> str:
    """A header cell reduced for comparing: no spaces, brackets, stars or line breaks."""
    return re.sub(r"[\s（）()【】\[\]*＊:：]", "", to_simplified(normalise(text)))


SYNONYM_TO_FIELD = {header_key(s): f for f, names in FIELD_SYNONYMS.items() for s in names}


LONGEST_HEADER = max(map(len, SYNONYM_TO_FIELD)) + 6


@functools.lru_cache(maxsize=8192)
def field_for_header(text: str) -> str | None:
    """The field a header cell names, or None. Called for every cell of the rows searched for
    a header, so long texts (task descriptions) are turned away before any work."""
    if len(text) > 3 * LONGEST_HEADER or text.isdecimal():  # a task, a 序号
        return None
    key = header_key(text)
    if not key or len(key) > LONGEST_HEADER:
        return None
    if key in SYNONYM_TO_FIELD:
        return SYNONYM_TO_FIELD[key]
    # "牵头单位（股室）", "完成时限（截止日期）": a known name at the start of a longer label
    # (the longest such name wins).
    for end in range(len(key) - 1, 1, -1):
        found = SYNONYM_TO_FIELD.get(key[:end])
        if found is not None and len(key) <= end + 6:
            return found
    return None


def shared_field(text: str, named: set[str]) -> str | None:
    """The field a header cell of SHARED_NAMES names, given the fields ``named`` by the
    other cells of its header row; None for any other cell."""
    found = SHARED_NAMES.get(header_key(text)) if len(text) <= LONGEST_HEADER else None
    if found is None:
        return None
    beside, others, alone = found
    return beside if named & others else alone
