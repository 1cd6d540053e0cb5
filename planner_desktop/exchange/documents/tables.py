"""A table in a plan document as lines the outline parser reads, for .docx and .doc alike.

A task table (序号 | 工作任务 | 责任单位 | 完成时限) becomes ``N.任务（责任单位：…；完成时限：…）``
so its rows read as numbered items with their units and deadlines; other tables as their
cells joined.
"""

from __future__ import annotations

import re

_TABLE_TASK = re.compile(r"任务|内容|要点|措施|事项|工作")
_TABLE_NUMBER = re.compile(r"序号|编号")


def table_lines(rows: list[list[str]]) -> list[str]:
    """Rows of cell texts (merged cells given once) as lines."""
    if not rows:
        return []
    header = rows[0]
    task_column = next((i for i, h in enumerate(header) if _TABLE_TASK.search(h) and len(h) <= 8), None)
    if task_column is None or len(rows) < 2:
        return ["　".join(c for c in cells if c) for cells in rows if any(cells)]
    number_column = next((i for i, h in enumerate(header) if _TABLE_NUMBER.search(h)), None)
    lines = []
    for position, cells in enumerate(rows[1:], 1):
        if task_column >= len(cells) or not cells[task_column]:
            continue
        number = cells[number_column] if number_column is not None and number_column < len(cells) else ""
        number = number if number.isdecimal() else str(position)
        extras = [f"（{header[i]}：{cells[i]}）" for i in range(len(cells))
                  if i not in (task_column, number_column) and i < len(header) and cells[i]]
        task = cells[task_column].rstrip("。")
        lines.append(f"{number}.{task}" + "".join(extras))
    return lines
