"""报表 → 工作总结 as the clerk uses it: opened from the main window's menu over the demo
ledger, the period and a unit chosen, the draft read, copied as plain text, saved as .docx
off the GUI thread and opened again; a period without notes offers nothing to save."""

from __future__ import annotations

import datetime as dt

from docx import Document
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from planner_desktop.gui.summary_dialog import SummaryDialog
from tests.conftest import DEMO_AS_OF


def open_from_menu(window, qtbot) -> SummaryDialog:
    menu_actions = [a for menu in window.menuBar().actions() for a in menu.menu().actions()]
    assert window.act_summary in menu_actions and window.act_summary.isEnabled()
    window.act_summary.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SummaryDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    return dialog


def test_summary_from_the_menu_to_a_word_file(window, qtbot, tmp_path):
    dialog = open_from_menu(window, qtbot)
    assert dialog.ui.period_box.currentData() == "year"  # November: the year's summary
    assert dialog.draft is not None and dialog.ui.save_button.isEnabled()
    dialog.set_period("H1")
    draft = dialog.draft
    assert draft.title == f"青溪县教育局{DEMO_AS_OF.year}年上半年工作总结（初稿）"
    text = dialog.ui.preview.toPlainText()
    assert text.startswith(draft.title) and "存在的问题" in text and "下一步工作打算" in text
    assert dialog.copy_text() == text and QGuiApplication.clipboard().text() == text

    out = tmp_path / "上半年总结.docx"
    with qtbot.waitSignal(dialog.saved, timeout=30_000) as done:
        dialog.save(out)
    assert done.args[0] == out
    paragraphs = [p for p in Document(str(out)).paragraphs if p.text.strip()]
    assert paragraphs[0].text.replace("\n", "") == draft.title and paragraphs[0].style.name == "Title"
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings[0].startswith("一、坚持党建引领") and headings[-1].endswith("下一步工作打算")
    assert "已保存" in dialog.ui.status.text()


def test_one_sections_own_summary_and_a_period_without_notes(window, qtbot):
    dialog = open_from_menu(window, qtbot)
    units = [dialog.ui.unit_box.itemData(i) for i in range(dialog.ui.unit_box.count())]
    assert units[0] == "" and "基础教育股" in units
    dialog.ui.unit_box.setCurrentIndex(units.index("基础教育股"))
    assert dialog.draft.title.startswith("基础教育股") and dialog.draft.unit == "基础教育股"
    # A week with no notes at all: said why, nothing to copy or save.
    year = DEMO_AS_OF.year
    dialog.set_period("range", dt.date(year, 1, 1), dt.date(year, 1, 2))
    assert dialog.draft is None and not dialog.ui.save_button.isEnabled()
    assert not dialog.ui.copy_button.isEnabled() and dialog.ui.preview.toPlainText() == ""
    assert "没有记录任何进展情况" in dialog.ui.status.text()
