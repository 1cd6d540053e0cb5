"""``--self-test``: the step runner, each step that exists, and the command that prints the JSON."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner_desktop.gui import self_test, self_test_steps
from planner_desktop.gui.self_test import run_steps
from planner_desktop.gui.self_test_steps import STEPS, SelfTest

ROOT = Path(__file__).resolve().parents[2]
STEP_NAMES = [name for name, _ in STEPS]


def module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


# Steps whose module is still being written: they must fail (never pass silently) until it lands.
UNFINISHED = set() if module_exists("planner_desktop.ops.reports") else {"pdf_report", "docx_bulletin"}


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / self_test.FOLDER_NAME
    path.mkdir()
    return path


@pytest.fixture
def restore_qsettings_format():
    from PySide6.QtCore import QSettings

    yield
    QSettings.setDefaultFormat(QSettings.NativeFormat)


def test_each_step_is_a_named_check_and_one_failure_fails_the_run(folder):
    def good(state):
        return {"answer": 42}

    def bad(state):
        raise ValueError("坏了")

    def needs_ledger(state):
        state.need("the ledger", state.ledger)

    state = run_steps(SelfTest(folder), [("good", good), ("bad", bad), ("later", needs_ledger)])
    result = state.to_json(0.0)
    assert list(result["checks"]) == ["good", "bad", "later"]
    assert result["checks"]["good"] == {"ok": True, "seconds": result["checks"]["good"]["seconds"],
                                        "answer": 42}
    assert result["checks"]["bad"]["ok"] is False
    assert result["checks"]["bad"]["error"].startswith("ValueError: 坏了")
    assert "the ledger" in result["checks"]["later"]["error"]
    assert result["ok"] is False and result["self_test"] == "failed"
    assert result["failed"] == ["bad", "later"]
    json.dumps(result)  # all of it is JSON


def test_all_passing_steps_pass_and_no_steps_is_not_a_pass(folder):
    assert run_steps(SelfTest(folder), [("a", lambda s: None), ("b", lambda s: {})]).ok
    assert not run_steps(SelfTest(folder), []).ok


def test_a_missing_module_fails_its_step(folder, monkeypatch):
    monkeypatch.setitem(sys.modules, "planner_desktop.printing.report_files", None)  # importing it raises
    state = SelfTest(folder)
    assert not state.run("pdf_report", self_test_steps.step_pdf_report)
    assert "planner_desktop.printing.report_files" in state.checks[0].error


def test_the_steps_that_exist_pass_in_process(folder, qapp, restore_qsettings_format, message_boxes):
    """Every step on a Chinese path with a space (the PDF report only once its module exists)."""
    shot = folder.parent / "窗口 截图.png"
    hook = sys.excepthook
    state = run_steps(SelfTest(folder, screenshot=shot))
    checks = {c.name: c for c in state.checks}
    assert list(checks) == STEP_NAMES
    failed = {name for name, c in checks.items() if not c.ok}
    assert failed == UNFINISHED, {n: checks[n].error for n in failed}
    assert checks["demo"].detail["assignments"] > 0
    assert checks["import_tasks"].detail["assignments"] > 0
    assert checks["export_fillin"].detail["files"] > 0
    assert checks["main_window"].detail["rows"] > 0
    assert checks["qt"].detail["platform_plugin"] == "offscreen"
    assert checks["qt"].detail["high_dpi_rounding"] == "PassThrough"  # Qt 6: high-DPI by default
    assert shot.stat().st_size > 1000
    assert (folder / self_test_steps.LEDGER_NAME).exists()
    assert state.ledger is None and state.watchdog is None  # closed, and no timer left behind
    assert checks["crash_report"].detail["report_lines"] > 3
    assert [title for title, _ in message_boxes] == ["程序错误"]  # the crash step's own dialog
    assert str(folder / "logs" / "crash.log") in message_boxes[0][1]
    message_boxes.clear()
    assert sys.excepthook is hook  # the crash step put the process's hook back


def test_a_dialog_during_a_step_is_closed_and_fails_the_step(folder, qapp, restore_qsettings_format):
    from PySide6.QtWidgets import QDialog

    def pops_up(state):
        dialog = QDialog()
        dialog.setWindowTitle("意外的对话框")
        dialog.exec()  # would wait forever offscreen

    state = run_steps(SelfTest(folder), [("qt", self_test_steps.step_qt), ("pops_up", pops_up)])
    assert state.checks[0].ok
    assert not state.checks[1].ok
    assert "意外的对话框" in state.checks[1].error


def test_a_run_that_hangs_still_reports(folder, monkeypatch, capsys):
    state = SelfTest(folder)
    state.run("first", lambda s: None)
    state.current = "stuck"

    def leave(code):
        raise SystemExit(code)

    monkeypatch.setattr(os, "_exit", leave)
    with pytest.raises(SystemExit) as exited:
        self_test.give_up(state, 0.0, folder / "out.json")
    assert exited.value.code == 1
    result = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    assert result["failed"] == ["stuck"] and result["checks"]["stuck"]["error"] == "timed out"


def test_the_command_prints_one_json_object_and_exits_by_the_checks(tmp_path):
    out = tmp_path / "结果 文件" / "self-test.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "张三"),
           "XDG_STATE_HOME": str(tmp_path / "张三" / "state"), "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "planner_desktop", "--self-test", "--out", str(out)],
                          cwd=tmp_path, env=env, capture_output=True, timeout=120)
    printed = json.loads(done.stdout.decode("utf-8"))
    assert printed == json.loads(out.read_text(encoding="utf-8"))
    assert list(printed["checks"]) == STEP_NAMES
    assert set(printed["failed"]) == UNFINISHED
    assert done.returncode == (0 if not UNFINISHED else 1)
    assert printed["frozen"] is False
    assert "督办 台账" in printed["folder"]
    assert not Path(printed["folder"]).exists()  # the temporary folder is removed
    assert Path(printed["checks"]["log_folder"]["log_dir"]).is_relative_to(tmp_path)


def test_the_json_is_utf8_whatever_the_console_code_page_and_survives_no_stdout(tmp_path, monkeypatch):
    import io

    result = {"folder": "督办 台账", "ok": True}
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp1252"))  # a Windows pipe
    self_test.emit(result, None)
    assert json.loads(raw.getvalue().decode("utf-8")) == result
    monkeypatch.setattr(sys, "stdout", None)  # a windowed Windows build started without a console
    monkeypatch.setattr(sys, "stderr", None)
    self_test.emit(result, tmp_path / "out.json")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8")) == result
    assert SelfTest(tmp_path).run("quiet", lambda s: None)  # progress lines need no stderr
