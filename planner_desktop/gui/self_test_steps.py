"""The checks of ``--self-test`` (``self_test.py`` runs them), and the state they share.

Each step is one thing a clerk's first day needs: Qt, the data folders, the ledger, the demo,
importing, exporting, printing, the window, fonts, the crash report. Each imports what it
checks inside itself, so that a module missing from a build fails that step, and only that
one, instead of the whole run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import platform
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner_desktop import __version__
from planner_desktop.paths import is_frozen, is_portable, program_dir, resource_path

LEDGER_NAME = "账本 ledger.sqlite"
SAMPLE_TASK_LIST = ("resources", "samples", "任务分解表示例.xlsx")
REPORT_KIND = "ledger"  # 督办台账, the full ledger (planner_desktop.ops.reports)

StepFunction = Callable[["SelfTest"], dict[str, Any] | None]


class CheckFailed(Exception):
    """A step ran but did not produce what it should have."""


@dataclass
class Check:
    name: str
    ok: bool
    seconds: float
    detail: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"ok": self.ok, "seconds": round(self.seconds, 3), **self.detail}
        if self.error is not None:
            result["error"] = self.error
        return result


@dataclass
class SelfTest:
    """The state one self-test run builds up, step by step."""

    folder: Path
    screenshot: Path | None = None
    checks: list[Check] = field(default_factory=list)
    app: Any = None
    ledger: Any = None
    plan_id: int | None = None
    plan_year: int | None = None
    demo_plan_id: int | None = None
    current: str | None = None
    dialogs: list[str] = field(default_factory=list)
    watchdog: Any = None

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def run(self, name: str, step: StepFunction) -> bool:
        """Run one step; any exception (or a dialog that popped up) fails it, never the run."""
        self.current = name
        self.dialogs.clear()
        started = time.perf_counter()
        detail: dict[str, Any] = {}
        error = None
        try:
            detail = step(self) or {}
        except Exception as exc:  # noqa: BLE001 (every failure is a result, not a crash)
            error = describe(exc)
        if self.dialogs and error is None:
            error = "出现了对话框：" + " | ".join(self.dialogs)
        check = Check(name, error is None, time.perf_counter() - started, detail, error)
        self.checks.append(check)
        if sys.stderr is not None:  # None in a windowed Windows build (print would pick stdout)
            print(f"self-test {name}: {'ok' if check.ok else 'FAILED ' + str(error)}", file=sys.stderr)
        self.current = None
        return check.ok

    def need(self, what: str, value: Any) -> Any:
        if value is None:
            raise CheckFailed(f"an earlier step did not provide {what}")
        return value

    def to_json(self, started: float) -> dict[str, Any]:
        return {
            "self_test": "passed" if self.ok else "failed",
            "ok": self.ok,
            "version": __version__,
            "frozen": is_frozen(),
            "portable": is_portable(),
            "program_dir": str(program_dir()),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "folder": str(self.folder),
            "seconds": round(time.perf_counter() - started, 3),
            "failed": [c.name for c in self.checks if not c.ok],
            "checks": {c.name: c.to_json() for c in self.checks},
        }


def describe(exc: BaseException) -> str:
    """The exception in one line, with where it was raised (the last frame of ours, if any)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "planner_desktop" in f.filename]
    where = (ours or frames or [None])[-1]
    place = f" ({Path(where.filename).name}:{where.lineno})" if where else ""
    return f"{type(exc).__name__}: {exc}{place}"


# -- the steps -------------------------------------------------------------------------------------

def step_qt(state: SelfTest) -> dict[str, Any]:
    """A QApplication offscreen, set up as the program sets itself up; high-DPI as Qt 6 has it."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QSettings, QTimer, qVersion
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from planner_desktop.gui.app import set_look
    from planner_desktop.paths import APP_AUTHOR, APP_NAME

    app = QApplication.instance() or QApplication([sys.argv[0] or APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationDisplayName("工作要点督办台")
    # The window remembers its layout with QSettings: keep that in the temporary folder too.
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(state.folder / "settings"))
    set_look(app)
    state.app = app
    state.watchdog = QTimer(app)  # modal dialogs run their own event loop: this fires inside them
    state.watchdog.setInterval(100)
    state.watchdog.timeout.connect(lambda: close_dialogs(state))
    state.watchdog.start()
    screen = QGuiApplication.primaryScreen()
    return {
        "qt": qVersion(),
        "pyside": pyside_version,
        "platform_plugin": QGuiApplication.platformName(),
        "style": app.style().name(),
        "high_dpi_rounding": QGuiApplication.highDpiScaleFactorRoundingPolicy().name,
        "device_pixel_ratio": screen.devicePixelRatio() if screen else None,
        "window_icon": not app.windowIcon().isNull(),
    }


def close_dialogs(state: SelfTest) -> None:
    from PySide6.QtWidgets import QApplication

    widget = QApplication.activeModalWidget()
    if widget is None:
        return
    text = getattr(widget, "text", lambda: "")()
    state.dialogs.append(f"{widget.windowTitle()}: {text}".strip(": "))
    widget.reject() if hasattr(widget, "reject") else widget.close()


def step_paths(state: SelfTest) -> dict[str, Any]:
    """The program's data folders are where ``resource_path`` looks, and a Chinese path works."""
    from planner_desktop.ops.ledger import list_migrations

    migrations = list_migrations()
    if not migrations:
        raise CheckFailed(f"no migrations in {resource_path('db')}")
    wanted = [resource_path("resources", "demo", "demo_ledger.json"),
              resource_path("resources", "icons", "app.svg"), resource_path(*SAMPLE_TASK_LIST)]
    missing = [str(p) for p in wanted if not p.is_file()]
    if missing:
        raise CheckFailed("missing: " + ", ".join(missing))
    probe = state.folder / "中文 文件名.txt"
    probe.write_text("督办", encoding="utf-8")
    if probe.read_text(encoding="utf-8") != "督办" or probe.name not in os.listdir(state.folder):
        raise CheckFailed(f"a Chinese file name did not round-trip in {state.folder}")
    import planner_desktop

    return {"resources": str(resource_path()), "package": str(Path(planner_desktop.__file__).parent),
            "migrations": len(migrations), "filesystem_encoding": sys.getfilesystemencoding()}


def step_open_ledger(state: SelfTest) -> dict[str, Any]:
    from planner_desktop.ops.ledger import latest_schema_version, open_ledger

    path = state.folder / LEDGER_NAME
    state.ledger = open_ledger(path)
    if state.ledger.schema_version != latest_schema_version():
        raise CheckFailed(f"schema {state.ledger.schema_version}, expected {latest_schema_version()}")
    return {"db": str(path), "schema_version": state.ledger.schema_version}


def step_demo(state: SelfTest) -> dict[str, Any]:
    from planner_desktop.ops.demo import create_demo_ledger

    ledger = state.need("the ledger", state.ledger)
    if not ledger.is_empty():
        raise CheckFailed("a new ledger is not empty: the first-start flow would not offer the demo")
    created = create_demo_ledger(ledger)
    state.demo_plan_id = created.plan_id
    if not created.assignments:
        raise CheckFailed("the demo ledger has no assignments")
    return created.to_json()


def step_import_tasks(state: SelfTest) -> dict[str, Any]:
    from planner_desktop.ops.task_import import commit_task_list, preview_task_list

    ledger = state.need("the ledger", state.ledger)
    source = state.folder / "收文 任务表" / SAMPLE_TASK_LIST[-1]
    source.parent.mkdir()
    shutil.copyfile(resource_path(*SAMPLE_TASK_LIST), source)
    parsed = preview_task_list(ledger, source)
    written = commit_task_list(ledger, parsed)
    state.plan_id = written.plan_id
    state.plan_year = parsed.preview.plan.year
    if not written.assignments:
        raise CheckFailed("the sample task list gave no assignments")
    return {"file": source.name, "plan_id": written.plan_id, "year": state.plan_year,
            "items": written.items, "assignments": written.assignments,
            "unknown_units": len(written.unknown_units)}


def step_export_fillin(state: SelfTest) -> dict[str, Any]:
    from planner_desktop.ops.fillin.export import export_fillin

    ledger = state.need("the ledger", state.ledger)
    plan_id = state.need("an imported plan", state.plan_id)
    out_dir = state.folder / "填报表 导出"
    out_dir.mkdir()
    result = export_fillin(ledger, plan_id, f"{state.plan_year}-Q3", out_dir)
    bad = [p.name for p in result.files if not is_zip(p)]
    if not result.files or bad:
        raise CheckFailed(f"fill-in workbooks missing or not .xlsx: {bad or 'none written'}")
    return {"files": len(result.files), "units": result.units, "rows": result.rows,
            "first": result.files[0].name}


def step_pdf_report(state: SelfTest) -> dict[str, Any]:
    from planner_desktop.printing.report_files import make_report

    ledger = state.need("the ledger", state.ledger)
    pdf = state.folder / "报表 输出" / "督办台账.pdf"
    pdf.parent.mkdir()
    result = make_report(ledger, REPORT_KIND, plan_id=state.need("an imported plan", state.plan_id),
                         as_of=dt.date(state.plan_year or dt.date.today().year, 9, 30), pdf=pdf)
    if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-" or pdf.stat().st_size < 1000:
        raise CheckFailed(f"no PDF written at {pdf}")
    detail: dict[str, Any] = {"file": pdf.name, "bytes": pdf.stat().st_size}
    summary = result.to_json() if hasattr(result, "to_json") else result
    if isinstance(summary, dict):
        detail.update({k: summary[k] for k in ("rows", "pages") if k in summary})
    return detail


def step_pdf_plan(state: SelfTest) -> dict[str, Any]:
    """A plan sent as PDF is read through PDFium (pypdfium2's native library, which the build
    must carry): the report just printed is read back as a plan document would be."""
    from planner_desktop.exchange.plan_document import read_plan_file

    pdf = state.folder / "报表 输出" / "督办台账.pdf"
    if not pdf.is_file():
        raise CheckFailed("the PDF report step wrote no file to read back")
    document = read_plan_file(pdf)
    text = "".join(p.text for p in document.paragraphs)
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):  # its Chinese, not boxes or nothing
        raise CheckFailed(f"no Chinese text read back from {pdf.name}")
    return {"file": pdf.name, "paragraphs": len(document.paragraphs)}


def step_docx_bulletin(state: SelfTest) -> dict[str, Any]:
    """The progress bulletin as a Word file (python-docx on lxml, a native part of the build)."""
    import zipfile

    from planner_desktop.printing.report_files import make_report

    ledger = state.need("the ledger", state.ledger)
    docx = state.folder / "报表 输出" / "督办通报.docx"
    docx.parent.mkdir(exist_ok=True)
    make_report(ledger, "bulletin", plan_id=state.need("an imported plan", state.plan_id),
                as_of=dt.date(state.plan_year or dt.date.today().year, 9, 30), docx=docx)
    with zipfile.ZipFile(docx) as archive:
        text = archive.read("word/document.xml").decode("utf-8")
    if "督办" not in text:
        raise CheckFailed(f"the bulletin in {docx.name} has no Chinese text")
    return {"file": docx.name, "bytes": docx.stat().st_size}


def step_main_window(state: SelfTest) -> dict[str, Any]:
    """The window the clerk gets, through the same start-up as a double-click (lock included)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from planner_desktop.gui.app import start_gui

    ledger = state.need("the ledger", state.ledger)
    state.need("the Qt application", state.app)
    path = ledger.path
    ledger.close()
    state.ledger = None
    session = start_gui(str(path))
    if isinstance(session, int):
        raise CheckFailed(f"the start-up returned {session} instead of a window")
    try:
        for _ in range(5):
            QApplication.processEvents()
        window = session.window
        if not window.isVisible():
            raise CheckFailed("the main window is not shown")
        shot = window.grab()
        if state.screenshot is not None:
            state.screenshot.parent.mkdir(parents=True, exist_ok=True)
            shot.save(str(state.screenshot))
        rows = window.model.rowCount() if hasattr(window, "model") else None
        return {"title": window.windowTitle(), "size": [window.width(), window.height()],
                "rows": rows, "screenshot": str(state.screenshot) if state.screenshot else None}
    finally:
        session.window.close()  # as the clerk closes it: saves the layout (to the temp folder)
        session.window.deleteLater()  # before its ledger closes, so nothing can reload from it
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        session.close()


def step_cjk_font(state: SelfTest) -> dict[str, Any]:
    """Chinese can be drawn: without a CJK font the window and the paper show boxes."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        raise CheckFailed("no font with Simplified Chinese: text would show as boxes")
    return {"families": len(families), "ui_font": QFontInfo(QFont()).family()}


def step_crash_report(state: SelfTest) -> dict[str, Any]:
    """A bug leaves a report and tells the clerk where (gui/app.py's handler, pointed at the
    temporary folder so the clerk's own crash.log gets no fake entry)."""
    from planner_desktop.gui import app as gui_app

    folder = state.folder / "logs"
    folder.mkdir()
    saved_hook, saved_log_dir = sys.excepthook, gui_app.log_dir
    gui_app.log_dir = lambda: folder
    try:
        gui_app.install_crash_handler()
        try:
            raise RuntimeError("self-test: a deliberate error")
        except RuntimeError as exc:
            with contextlib.redirect_stderr(io.StringIO()):
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook, gui_app.log_dir = saved_hook, saved_log_dir
    shown = list(state.dialogs)
    state.dialogs.clear()  # this dialog was expected
    report = folder / "crash.log"
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    if "a deliberate error" not in text or "Traceback" not in text:
        raise CheckFailed(f"no crash report written to {report}")
    return {"report_lines": len(text.splitlines()), "dialog": shown[0] if shown else None}


def step_log_folder(state: SelfTest) -> dict[str, Any]:
    """The crash handler can write its report where it says it does."""
    from planner_desktop.paths import log_dir

    folder = log_dir()
    probe = folder / f"self-test-{os.getpid()}.tmp"
    probe.write_text("ok", encoding="utf-8")
    probe.unlink()
    return {"log_dir": str(folder)}


STEPS: list[tuple[str, StepFunction]] = [
    ("qt", step_qt),
    ("paths", step_paths),
    ("open_ledger", step_open_ledger),
    ("demo", step_demo),
    ("import_tasks", step_import_tasks),
    ("export_fillin", step_export_fillin),
    ("pdf_report", step_pdf_report),
    ("pdf_plan", step_pdf_plan),
    ("docx_bulletin", step_docx_bulletin),
    ("main_window", step_main_window),
    ("cjk_font", step_cjk_font),
    ("crash_report", step_crash_report),
    ("log_folder", step_log_folder),
]


def is_zip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"
