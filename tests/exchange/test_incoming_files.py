"""Paths that are not regular files (issue 16, item 6): devices, FIFOs and links to them are
refused before anything is read, and no reader reads more than its limit whatever ``stat``
says. The FIFO cases run in a child process with a timeout: an unfixed reader blocks on
opening a FIFO forever."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner_desktop.errors import FileReadError
from planner_desktop.exchange import plan_document, readers
from planner_desktop.exchange.plan_document import read_plan_file
from planner_desktop.exchange.readers import read_workbook
from planner_desktop.files import incoming
from planner_desktop.files.incoming import MSG_NOT_REGULAR, file_sha256
from tests.support.fixtures_sheets import write_compound_file, write_encrypted_xlsx

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                reason="needs POSIX devices and FIFOs")


def refused(read, path: Path) -> FileReadError:
    with pytest.raises(FileReadError) as caught:
        read(path)
    return caught.value


@pytest.mark.parametrize("read", [read_workbook, read_plan_file, file_sha256])
def test_a_device_and_a_link_to_it_are_refused(tmp_path, read):
    link = tmp_path / "任务.txt"
    link.symlink_to("/dev/zero")
    for path in (Path("/dev/zero"), link):
        error = refused(read, path)
        assert error.message == MSG_NOT_REGULAR
        assert error.location.file == path.name


def test_what_stat_says_does_not_bound_the_read(monkeypatch):
    """/proc files report size 0 and yield more: the limit holds on what is read."""
    proc = Path("/proc/self/maps")
    assert proc.stat().st_size == 0 and len(proc.read_bytes()) > 100
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(plan_document, "MAX_PLAN_BYTES", 100)
    assert "文件过大" in refused(read_workbook, proc).message
    assert "文件过大" in refused(read_plan_file, proc).message
    assert incoming.read_incoming(proc, 1 << 20, "过大", None)  # within the limit: read


def test_fifos_are_refused_without_waiting(tmp_path):
    """Reading a FIFO nobody writes to: the readers, the sha256 and the CLI each return at
    once with the message."""
    fifo = tmp_path / "任务.txt"
    os.mkfifo(fifo)
    code = (
        "import sys\n"
        "from planner_desktop.errors import FileReadError\n"
        "from planner_desktop.files.incoming import file_sha256\n"
        "from planner_desktop.exchange.plan_document import read_plan_file\n"
        "from planner_desktop.exchange.readers import read_workbook\n"
        "for read in (read_workbook, read_plan_file, file_sha256):\n"
        "    try:\n"
        "        read(sys.argv[1])\n"
        "    except FileReadError as exc:\n"
        "        print(exc.message)\n")
    done = subprocess.run([sys.executable, "-c", code, str(fifo)], cwd=ROOT,
                          capture_output=True, text=True, timeout=30)
    assert done.stdout.splitlines() == [MSG_NOT_REGULAR] * 3, done.stderr[-2000:]
    cli = subprocess.run([sys.executable, "-m", "planner_desktop", "--db",
                          str(tmp_path / "ledger.sqlite"), "import-tasks", str(fifo),
                          "--dry-run", "--json"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert cli.returncode == 1, cli.stderr[-2000:]
    answer = json.loads(cli.stdout)
    assert MSG_NOT_REGULAR in answer["error"] and answer["file"] == "任务.txt"


# -- what an OLE2 file is (issue 16, item 11a) ---------------------------------------------------

def _workbook(path: Path) -> Path:
    return write_compound_file(path, {"Workbook": b"\x09\x08" + b"\x00" * 30})


def _word(path: Path) -> Path:
    return write_compound_file(path, {"WordDocument": b"\xec\xa5" + b"\x00" * 100})


@pytest.mark.parametrize("name, make, words", [
    ("要点.et", _workbook, "WPS 表格（.et）"),  # refused by its suffix
    ("要点.doc", _workbook, "Excel 表格"),  # a spreadsheet renamed .doc: told by its streams
    ("要点.txt", _workbook, "Excel 表格"),
    ("要点.txt", _word, "旧版 Word 文档（.doc）"),
    ("要点.wps", _word, "WPS 文字文档（.wps）"),
    ("要点.txt", write_encrypted_xlsx, "打开密码"),
])
def test_an_ole2_file_is_named_by_its_kind(tmp_path, name, make, words):
    error = refused(read_plan_file, make(tmp_path / name))
    assert words in error.message
    assert ("不是工作要点文档" in error.message) == (make is _workbook)


def test_import_plan_names_a_wps_spreadsheet(tmp_path):
    path = _workbook(tmp_path / "工作要点.et")
    cli = subprocess.run([sys.executable, "-m", "planner_desktop", "--db",
                          str(tmp_path / "ledger.sqlite"), "import-plan", str(path), "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert cli.returncode == 1, cli.stderr[-2000:]
    answer = json.loads(cli.stdout)
    assert "WPS 表格" in answer["error"] and "Word" not in answer["error"]
    assert answer["file"] == "工作要点.et"
