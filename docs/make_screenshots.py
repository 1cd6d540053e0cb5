"""Regenerate the README's screenshots of the main window over the demo ledger.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from planner_desktop.domain.ledger_table import Granularity  # noqa: E402
from planner_desktop.domain.status import Status  # noqa: E402
from planner_desktop.gui.app import set_look  # noqa: E402
from planner_desktop.gui.main_window import MainWindow  # noqa: E402
from planner_desktop.ops.demo import create_demo_ledger  # noqa: E402
from planner_desktop.store.database import open_ledger  # noqa: E402

AS_OF = dt.date(2026, 11, 22)
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtCore import QSettings

    # A settings folder of its own: neither the developer's remembered layout shows up in
    # the pictures, nor do the pictures' choices stay behind in the developer's settings.
    for scope_format in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(scope_format, QSettings.UserScope, tempfile.mkdtemp())
    app = QApplication(sys.argv)
    set_look(app)
    ledger = open_ledger(Path(tempfile.mkdtemp()) / "demo.sqlite")
    create_demo_ledger(ledger, today=AS_OF)
    window = MainWindow(ledger, today=AS_OF)
    window.show()
    window.show_start_summary()
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        window.table.selectRow(4)
        app.processEvents()
        window.grab().save(str(OUT / f"main_window_{width}.png"))
    window.resize(1366, 768)
    app.processEvents()
    # Scrolled sideways: 编号 and 要点 stay while the columns after 到期日 come into view.
    bar = window.table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    app.processEvents()
    window.grab().save(str(OUT / "main_window_1366_scrolled.png"))
    bar.setValue(0)
    window.granularity_box.setCurrentIndex(window.granularity_box.findData(Granularity.ASSIGNMENTS))
    window.table.selectRow(7)
    app.processEvents()
    window.grab().save(str(OUT / "main_window_1366_assignments.png"))
    window.detail.tabs.setCurrentIndex(1)
    app.processEvents()
    window.grab().save(str(OUT / "detail_pane.png"))
    window.detail.tabs.setCurrentIndex(2)
    app.processEvents()
    window.detail.grab().save(str(OUT / "history.png"))
    window.centre.setCurrentIndex(1)
    app.processEvents()
    window.grab().save(str(OUT / "dashboard.png"))
    fillin_screenshots(app, ledger)
    summary_screenshots(app, ledger)
    slip_screenshots()
    slip_dialog_screenshot(window)
    window.close()
    ledger.close()
    import_into_plan_screenshot(app)
    units_screenshots(app)
    assessment_screenshot(app)
    targets_screenshots(app)
    return 0


def assessment_screenshot(app: QApplication) -> None:
    """督办 → 单位考核 over the hand-built ledger of the assessment tests (上半年 2025)."""
    from planner_desktop.gui.assessment_dialog import AssessmentDialog
    from tests.support.assessment_ledger import TODAY, build_hand_ledger

    ledger = open_ledger(build_hand_ledger(Path(tempfile.mkdtemp()) / "assessment.sqlite"),
                         daily_backup=False)
    dialog = AssessmentDialog(ledger, today=TODAY)
    dialog.resize(1280, 420)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "assessment.png"))
    dialog.close()


# Figures as the units' returns would report them: some reached, some not (with a reason).
DEMO_FIGURES = {"全年集中学习不少于12次": (14, ""),
                "培育县级党建示范校10所": (8, "2所申报材料退回补充"),
                "年内新增公办幼儿园学位600个": (600, ""),
                "普惠性幼儿园覆盖率达到92%以上": (90.5, "2所民办园认定延后"),
                "学生体质健康达标率达到92%以上": (93.2, ""), "全年培训教师3000人次": (3120, ""),
                "新建乡村教师周转宿舍40套": (32, "1个项目年底才开工")}


def tracked_targets_of(ledger):
    from planner_desktop.store.targets import tracked_targets

    return tracked_targets(ledger)


def record_demo_figures(ledger) -> None:
    from planner_desktop.store.targets import FigureReport, record_figures, tracked_targets

    by_text = {t.text: t.id for t in tracked_targets(ledger)}
    with ledger.transaction():
        record_figures(ledger.conn, [FigureReport(by_text[text], str(AS_OF.year), value, note)
                                     for text, (value, note) in DEMO_FIGURES.items()],
                       at=f"{AS_OF.isoformat()} 09:00:00")


def targets_screenshots(app: QApplication) -> None:
    """The 量化指标 view sorted by state, and the dashboard's 达成 k / n, with figures recorded."""
    ledger = open_ledger(Path(tempfile.mkdtemp()) / "targets.sqlite")
    create_demo_ledger(ledger, today=AS_OF)
    record_demo_figures(ledger)
    window = MainWindow(ledger, today=AS_OF)
    window.resize(1366, 768)
    window.show()
    window.centre.setCurrentWidget(window.targets_view)
    window.targets_view.table.sortByColumn(7, Qt.AscendingOrder)
    window.targets_view.table.selectRow(0)
    app.processEvents()
    window.grab().save(str(OUT / "targets_view.png"))
    window.centre.setCurrentWidget(window.dashboard)
    app.processEvents()
    window.grab().save(str(OUT / "dashboard_targets.png"))
    # The detail pane's 量化指标 tab of an item with a figure reached and one not.
    window.centre.setCurrentIndex(0)
    item_id = next(t.item_id for t in tracked_targets_of(ledger) if t.text == "培育县级党建示范校10所")
    window.table.selectRow(next(r for r, row in enumerate(window.model.rows()) if row.item_id == item_id))
    window.detail.tabs.setCurrentWidget(window.detail.targets_tab)
    app.processEvents()
    window.grab().save(str(OUT / "targets_detail.png"))
    window.close()
    ledger.close()


def import_into_plan_screenshot(app: QApplication) -> None:
    """导入任务表 into the plan its document made: the preview against that plan's tree."""
    from planner_desktop.gui.import_dialog import ImportTasksDialog
    from planner_desktop.ops.plan_import import commit_plan_document, preview_plan_document

    samples = ROOT / "tests" / "samples"
    ledger = open_ledger(Path(tempfile.mkdtemp()) / "join.sqlite")
    commit_plan_document(ledger, preview_plan_document(ledger, samples / "plans" / "001_autonumbered.docx"))
    dialog = ImportTasksDialog(ledger, samples / "tasklists" / "2020_tasklist_merged.xlsx")
    dialog.resize(1366, 768)
    dialog.show()
    while dialog.preview is None or dialog.busy:
        app.processEvents()
    dialog.file_label.setText("D:\\督办\\2020年工作要点任务分解表.xlsx")
    dialog.tree.expandToDepth(1)
    app.processEvents()
    dialog.grab().save(str(OUT / "import_into_plan.png"))
    dialog.close()


def over_window(window, dialog, path: Path) -> None:
    """The window with the dialog drawn centred on it, as the clerk sees it (offscreen, a
    dialog is a window of its own, which the window's grab leaves out)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    picture = window.grab()
    inner = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
    painter.drawPixmap(QPoint((picture.width() - inner.width()) // 2,
                              (picture.height() - inner.height()) // 2), inner)
    painter.end()
    picture.save(str(path))


def units_screenshots(app: QApplication) -> None:
    """A fresh ledger: its first steps; then a task list imported before the roster, and the
    roster's import offering to merge the units the task list made of its aliases."""
    from planner_desktop.gui.roster_import_dialog import RosterImportDialog
    from planner_desktop.ops.task_import import commit_task_list, preview_task_list
    from tests.support.first_week import write_roster, write_task_list

    folder = Path(tempfile.mkdtemp())
    ledger = open_ledger(folder / "新账本.sqlite")
    window = MainWindow(ledger, today=dt.date(2025, 3, 3))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    window.grab().save(str(OUT / "first_steps.png"))
    commit_task_list(ledger, preview_task_list(ledger, write_task_list(folder / "任务表.xlsx"),
                                               year=2025))
    window.load()
    dialog = RosterImportDialog.for_file(ledger, write_roster(folder / "单位名册.xlsx"), window)
    dialog.show()
    app.processEvents()
    over_window(window, dialog, OUT / "roster_merge_offer.png")
    dialog.close()
    window.close()
    ledger.close()


def fillin_screenshots(app: QApplication, ledger) -> None:
    """The export dialog, and the preview of a returned folder with a conflict in it."""
    import openpyxl

    from planner_desktop.gui.fillin_export_dialog import FillinExportDialog
    from planner_desktop.gui.returns_import_dialog import ReturnsImportDialog
    from planner_desktop.ops.fillin.export import export_fillin
    from planner_desktop.store.assignments import StatusChange, record_status_changes

    plan = ledger.scalar("SELECT min(id) FROM plan")
    folder = Path(tempfile.mkdtemp())
    dialog = FillinExportDialog(ledger, plan, today=AS_OF)
    dialog.folder_edit.setText("D:\\督办\\2026年第4季度填报表")
    dialog.period_combo.setEditText("2026年第4季度")
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "fillin_export.png"))
    dialog.close()
    units = [r[0] for r in ledger.conn.execute("SELECT id FROM unit ORDER BY id LIMIT 4")]
    units.append(ledger.scalar("SELECT id FROM unit WHERE name = '基础教育股'"))  # many targets
    files = export_fillin(ledger, plan, "2026年第4季度", folder, unit_ids=units).files
    texts = ["已完成", "推进中", "完成", "正在推进"]
    for n, path in enumerate(files):
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        columns = {c.value: c.column for c in ws[3]}
        for r in range(4, ws.max_row + 1):
            ws.cell(r, columns["状态"]).value = texts[(n + r) % 4]
            ws.cell(r, columns["完成进度%"]).value = 100 if texts[(n + r) % 4] in ("已完成", "完成") else 60
            ws.cell(r, columns["进展情况"]).value = "已按计划推进，召开专题会议2次，完成阶段性任务。"
        fill_figures(wb)
        wb.save(path)
    first = ledger.scalar("SELECT min(id) FROM assignment WHERE unit_id = ?", (units[0],))
    record_status_changes(ledger, [StatusChange(first, Status.IN_PROGRESS, 30, "电话了解：正在推进")])
    returns = ReturnsImportDialog(ledger, [folder])
    returns.resize(1366, 720)
    returns.show()
    while returns.job is not None and returns.job.running:
        app.processEvents()
    returns.tabs.setCurrentIndex(1)
    app.processEvents()
    returns.grab().save(str(OUT / "returns_preview.png"))
    returns.tabs.setCurrentIndex(2)
    app.processEvents()
    returns.grab().save(str(OUT / "returns_conflicts.png"))
    returns.close()
    with_targets = [p for p in files
                    if any(n.endswith("_量化指标") for n in openpyxl.load_workbook(p).sheetnames)]
    if with_targets:
        targets_sheet_page(with_targets[-1])


def fill_figures(workbook) -> None:
    """The 量化指标 sheet as a unit fills it: the figure wanted reached, passed or missed (with
    a reason), and one written as text, which the import refuses."""
    import re

    for ws in workbook.worksheets:
        if not ws.title.endswith("_量化指标"):
            continue
        columns = {c.value: c.column for c in ws[3]}
        for n, r in enumerate(range(4, ws.max_row + 1)):
            wanted = float(re.search(r"[\d.]+", str(ws.cell(r, columns["目标值"]).value))[0])
            typed: object = (wanted, round(wanted * 1.05, 1), round(wanted * 0.8, 1), "约五成")[n % 4]
            ws.cell(r, columns["本期完成值"]).value = typed
            if n % 4 == 2:
                ws.cell(r, columns["说明"]).value = "2所项目因用地调整推迟开工"


def targets_sheet_page(path: Path) -> None:
    """The 量化指标 sheet of a unit's filled workbook as LibreOffice prints it."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    for ws in list(wb.worksheets):
        if not ws.title.endswith("_量化指标"):
            wb.remove(ws)
    single = Path(tempfile.mkdtemp()) / "targets.xlsx"
    wb.save(single)
    render_first_page(single, "fillin_targets_sheet", resolution=80)


def summary_screenshots(app: QApplication, ledger) -> None:
    """报表 → 工作总结 over the demo (上半年), and the first page of its .docx as LibreOffice
    renders it."""
    from planner_desktop.gui.summary_dialog import SummaryDialog
    from planner_desktop.ops.summary import write_summary

    dialog = SummaryDialog(ledger, ledger.scalar("SELECT min(id) FROM plan"))
    dialog.today = AS_OF
    dialog.on_plan()
    dialog.set_period("H1")
    dialog.resize(900, 640)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "summary_dialog.png"))
    dialog.close()
    if dialog.draft is not None:
        folder = Path(tempfile.mkdtemp())
        render_first_page(write_summary(dialog.draft, folder / "summary.docx"), "summary_first_page")


def render_first_page(document: Path, name: str, resolution: int = 60) -> None:
    """The first page of ``document`` as LibreOffice prints it, saved as ``name``.png
    (skipped where LibreOffice or pdftoppm is missing)."""
    import shutil
    import subprocess

    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        return
    profile = Path(tempfile.mkdtemp()).as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(document.parent), str(document)], check=True, capture_output=True,
                   timeout=180)
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", "1", "-l", "1", "-singlefile",
                    str(document.with_suffix(".pdf")), str(OUT / name)], check=True)


def slip_screenshots() -> None:
    """The first page of a 督办单 (the red items of the demo as of 30 June) and of a 催办通知."""
    import shutil
    import subprocess

    from planner_desktop.domain.status import Light
    from planner_desktop.printing.slip_files import issue_notices, issue_slips

    if not shutil.which("pdftoppm"):
        return
    day = dt.date(2026, 6, 30)
    folder = Path(tempfile.mkdtemp())
    ledger = open_ledger(folder / "slips.sqlite")
    plan_id = create_demo_ledger(ledger, today=day).plan_id
    slips = issue_slips(ledger, folder, lights={Light.RED}, formats=["pdf"], one_pdf=True, today=day)
    notices = issue_notices(ledger, folder, plan_id, "2026-06", new_due=dt.date(2026, 7, 6),
                            formats=["pdf"], today=day)
    ledger.close()
    for files, name in ((slips.files, "supervision_slip"), (notices.files, "reminder_notice")):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(files[0]), str(OUT / name)], check=True)


def slip_dialog_screenshot(window) -> None:
    """发督办单 for the demo's red items, over the window, before anything is numbered."""
    from planner_desktop.domain.status import Light
    from planner_desktop.gui.slip_issue_dialog import SlipIssueDialog
    from planner_desktop.ops.slips import first_number, plan_slips

    plan = plan_slips(window.ledger, lights={Light.RED}, today=AS_OF)
    dialog = SlipIssueDialog(plan, first_number(window.ledger, AS_OF.year), window)
    dialog.ui.folder_edit.setText("D:\\督查室\\督办单\\2026")
    over_window(window, dialog, OUT / "slip_issue_dialog.png")

    from planner_desktop.gui.notice_dialog import NoticeDialog

    notices = NoticeDialog(window.ledger, None, AS_OF, window)
    notices.ui.folder_edit.setText("D:\\督查室\\催办通知\\2026")
    over_window(window, notices, OUT / "notice_dialog.png")


if __name__ == "__main__":
    sys.exit(main())
