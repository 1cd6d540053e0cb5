"""The 单位考核 table on A4 (landscape), set like the other reports: searchable Chinese text,
the scheme under the title, written whole or not at all (``render.write_pdf``)."""

from __future__ import annotations

from pathlib import Path

from planner_desktop.ops.assessment import Assessment, assessment_document
from planner_desktop.printing.render import write_pdf


def write_assessment_pdf(assessment: Assessment, path: Path) -> Path:
    write_pdf(assessment_document(assessment), path)
    return path
