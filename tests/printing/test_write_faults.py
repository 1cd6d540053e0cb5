"""Full disks and killed writers, made real: every writer keeps a good previous file whole,
says the disk is full, and leaves no temporary file behind for the next run to trip over.

A full disk is a child process whose file-size limit (``RLIMIT_FSIZE``, with SIGXFSZ ignored)
is below the size of the file it writes: the kernel then fails its writes with EFBIG part way,
as a full USB stick fails them with ENOSPC. Leftovers are made by really killing a writer.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import resource
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from planner_desktop.domain.fillin import FillinExport
from planner_desktop.domain.report_periods import period_for
from planner_desktop.errors import UserFixableError
from planner_desktop.files.atomic import atomic_file
from planner_desktop.files.checks import IncompleteFile, check_pdf, check_zip
from planner_desktop.files.leftovers import STALE_AFTER_S, host_tag, process_alive, remove_stale_temps
from planner_desktop.ops.reports import build_document
from planner_desktop.paths import backup_dir_for
from planner_desktop.store.backup import check_copy, remove_backup_leftovers, take_backup
from planner_desktop.store.database import open_ledger
from planner_desktop.store.fillin import fetch_fillin_sheets

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits and fork")
AS_OF = dt.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[2]
FULL_DISK = "磁盘空间不足"
KEPT = "原有的同名文件已保留"


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_templates):
    path = tmp_path_factory.mktemp("faults") / "demo.sqlite"
    ledger = open_ledger(path, daily_backup=False)
    ledger.demo_plan = demo_templates.copy_into(ledger, today=AS_OF).plan_id
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield ledger
    ledger.close()


def limit_file_size(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _child(write: Callable[[], object], limit: int, pipe) -> None:
    limit_file_size(limit)()
    try:
        write()
        pipe.send(None)
    except UserFixableError as exc:
        pipe.send(exc.full_message())
    except BaseException as exc:  # noqa: BLE001 - reported to the test, which fails on it
        pipe.send(f"unexpected {type(exc).__name__}: {exc}")


def on_full_disk(write: Callable[[], object], limit: int) -> str | None:
    """Run ``write`` in a forked child that can write only ``limit`` bytes into any file;
    the message of the UserFixableError it raised, or None if it claimed success."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(write, limit, send))
    child.start()
    child.join(60)
    assert child.exitcode == 0, "the child was not to die"
    return receive.recv()


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def assert_refused_and_kept(message: str | None, target: Path, before: bytes) -> None:
    assert message is not None, "a truncated file was reported as written"
    assert FULL_DISK in message and KEPT in message and str(target) in message
    assert target.read_bytes() == before, "the good previous file is byte-identical"
    assert temps(target.parent) == [], "no temporary file is left behind"


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "planner_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120, **kwargs)


# -- a full disk, writer by writer ----------------------------------------------------------------

def test_a_pdf_on_a_full_disk_keeps_the_good_one_and_the_cli_exits_1(demo, tmp_path):
    """Qt's PDF writer ignores write errors: this run exited 0 with a truncated PDF before."""
    pdf = tmp_path / "督办台账.pdf"
    args = ("--db", str(demo.path), "report", "ledger", "--pdf", str(pdf), "--json")
    assert run_cli(*args).returncode == 0
    before = pdf.read_bytes()
    check_pdf(pdf)
    done = run_cli(*args, preexec_fn=limit_file_size(len(before) // 3))
    assert done.returncode == 1, done.stderr
    answer = json.loads(done.stdout)
    assert answer["file"] == str(pdf)
    assert_refused_and_kept(answer["error"], pdf, before)


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_a_report_on_a_full_disk_keeps_the_good_one(demo, tmp_path, kind):
    from planner_desktop.exchange.report_docx import write_bulletin_docx
    from planner_desktop.exchange.report_xlsx import write_report_xlsx

    if kind == "xlsx":
        doc = build_document(demo, "ledger", plan_id=demo.demo_plan, as_of=AS_OF)
        target = tmp_path / "督办台账.xlsx"
        write = lambda: write_report_xlsx(target, doc)  # noqa: E731
    else:
        doc = build_document(demo, "bulletin", plan_id=demo.demo_plan, as_of=AS_OF)
        target = tmp_path / "督办通报.docx"
        write = lambda: write_bulletin_docx(target, doc)  # noqa: E731
    write()
    before = target.read_bytes()
    assert_refused_and_kept(on_full_disk(write, len(before) // 2), target, before)


def test_fill_in_workbooks_and_their_zip_on_a_full_disk(demo, tmp_path):
    from planner_desktop.exchange.fillin_writer import write_unit_workbook, write_zip

    sheets = [s for s in fetch_fillin_sheets(demo, demo.demo_plan, None, None) if s.rows][:3]
    for sheet in sheets:
        sheet.token = uuid.uuid4().hex[:16]
    export = FillinExport(demo.demo_plan, "计划", period_for("2026年第4季度"), dt.datetime(2026, 11, 22),
                          sheets, None)
    books = [tmp_path / f"{n}.xlsx" for n in range(len(sheets))]
    for book, sheet in zip(books, sheets, strict=True):
        write_unit_workbook(book, export, sheet)
    before = books[0].read_bytes()
    message = on_full_disk(lambda: write_unit_workbook(books[0], export, sheets[0]), len(before) // 2)
    assert_refused_and_kept(message, books[0], before)

    archive = tmp_path / "填报表.zip"
    write_zip(archive, books)
    before = archive.read_bytes()
    message = on_full_disk(lambda: write_zip(archive, books), len(before) - 1000)
    assert_refused_and_kept(message, archive, before)


def test_the_reminder_workbook_on_a_full_disk(tmp_path):
    from planner_desktop.exchange.reminder_xlsx import ReminderRow, write_reminder_workbook

    rows = [ReminderRow(f"第{n}小学", "学校", "张老师", "0000-1234567", "", "未报送", 0) for n in range(300)]
    target = tmp_path / "催报名单.xlsx"
    write = lambda: write_reminder_workbook(target, "计划", "2026年第4季度", rows)  # noqa: E731
    write()
    before = target.read_bytes()
    assert_refused_and_kept(on_full_disk(write, len(before) // 2), target, before)


def test_a_backup_on_a_full_disk_keeps_the_old_backup_and_no_partial(demo, tmp_path):
    target = tmp_path / "backup.sqlite"
    take_backup(demo, "manual", destination=target)
    before = target.read_bytes()

    def backup() -> None:
        ledger = open_ledger(demo.path, daily_backup=False)
        try:
            take_backup(ledger, "manual", destination=target)
        finally:
            ledger.close()

    assert_refused_and_kept(on_full_disk(backup, len(before) // 2), target, before)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite"], "no partial copy left"


# -- the checks themselves: what a writer that failed quietly would leave ----------------------------

def test_each_format_check_refuses_a_truncated_file_and_passes_a_whole_one(demo, tmp_path):
    from planner_desktop.exchange.report_xlsx import write_report_xlsx
    from planner_desktop.printing.render import write_pdf
    from planner_desktop.printing.report_files import ensure_qt

    ensure_qt()
    doc = build_document(demo, "ledger", plan_id=demo.demo_plan, as_of=AS_OF)
    pdf, xlsx, copy = tmp_path / "a.pdf", tmp_path / "a.xlsx", tmp_path / "a.sqlite"
    write_pdf(doc, pdf)
    write_report_xlsx(xlsx, doc)
    take_backup(demo, "manual", destination=copy)
    for path, check in ((pdf, check_pdf), (xlsx, check_zip), (copy, check_copy)):
        check(path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * 2 // 3])
        with pytest.raises(IncompleteFile):
            check(path)
        path.write_bytes(b"")
        with pytest.raises(IncompleteFile):
            check(path)


def test_a_quietly_truncated_file_never_replaces_the_target(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF-1.4 the good one\n%%EOF\n")
    with pytest.raises(UserFixableError, match=f"{FULL_DISK}.*{KEPT}"), atomic_file(target, ".pdf") as temp:
        temp.write_bytes(b"%PDF-1.4 half of it")  # the writer returned as if all was well
    assert target.read_bytes() == b"%PDF-1.4 the good one\n%%EOF\n"
    assert temps(tmp_path) == []


def test_the_file_reaches_the_disk_before_its_name(tmp_path, monkeypatch):
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    with atomic_file(tmp_path / "a.pdf", ".pdf") as temp:
        temp.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert calls == ["fsync", "replace"]


# -- leftovers of killed writers -----------------------------------------------------------------

def test_a_killed_export_leaves_temporaries_the_next_export_removes(demo, tmp_path):
    """Kill -9 the export-fillin command while it writes, then export again: no .~*.tmp left."""
    out = tmp_path / "out"
    args = ("--db", str(demo.path), "export-fillin", "--plan", str(demo.demo_plan),
            "--period", "2026年第4季度", "--out", str(out), "--json")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    for _attempt in range(5):
        child = subprocess.Popen([sys.executable, "-m", "planner_desktop", *args], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
        deadline = time.monotonic() + 60
        while child.poll() is None and time.monotonic() < deadline:
            if out.is_dir() and temps(out):
                os.killpg(child.pid, signal.SIGKILL)  # the command and any workers it started
                break
            time.sleep(0.001)
        child.wait()
        if child.returncode == -signal.SIGKILL and temps(out):
            break
    else:
        pytest.fail("never caught the export mid-write")
    left = temps(out)
    assert left and all(name.endswith(".xlsx.tmp") or name.endswith(".zip.tmp") for name in left)
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    assert temps(out) == [], "the next export removed what the killed one left"


def _temp_name(pid: int, host: str, suffix: str = ".xlsx") -> str:
    return f".~p{pid}h{host}-abcd1234{suffix}.tmp"


def test_a_running_writers_temporary_is_never_removed(tmp_path):
    """Another window's or worker's export into the same folder: its file stays while it lives."""
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = tmp_path / _temp_name(writer.pid, host_tag())
        alive.write_bytes(b"being written")
        assert remove_stale_temps(tmp_path) == []
        assert alive.exists()
    finally:
        writer.kill()
        writer.wait()
    assert remove_stale_temps(tmp_path) == [alive], "gone once its process is"


def test_the_age_rule_for_other_computers_and_earlier_versions(tmp_path):
    old = time.time() - STALE_AFTER_S - 60
    fresh_other_host = tmp_path / _temp_name(1, "000000")
    old_other_host = tmp_path / _temp_name(2, "000000", ".pdf")
    fresh_legacy = tmp_path / ".~k3j4l5m6.xlsx.tmp"
    old_legacy = tmp_path / ".~a1b2c3d4.docx.tmp"
    libreoffice_lock = tmp_path / ".~lock.督办台账.xlsx#"
    clerks_file = tmp_path / "说明.tmp"
    for path in (fresh_other_host, old_other_host, fresh_legacy, old_legacy, libreoffice_lock, clerks_file):
        path.write_bytes(b"x")
    for path in (old_other_host, old_legacy, libreoffice_lock, clerks_file):
        os.utime(path, (old, old))
    assert sorted(remove_stale_temps(tmp_path)) == sorted([old_other_host, old_legacy])
    assert fresh_other_host.exists() and fresh_legacy.exists()
    assert libreoffice_lock.exists() and clerks_file.exists(), "other programs' files are not ours"


def _killed_mid_backup(destination: Path, source: Path) -> None:
    with atomic_file(destination, ".sqlite") as temp:
        data = source.read_bytes()
        temp.write_bytes(data[: len(data) // 2])
        (temp.parent / (temp.name + "-journal")).write_bytes(b"journal")
        os.kill(os.getpid(), signal.SIGKILL)


def test_killed_and_old_failed_backups_are_removed_at_the_next_start(demo):
    folder = backup_dir_for(demo.path)
    folder.mkdir(parents=True, exist_ok=True)
    child = multiprocessing.get_context("fork").Process(
        target=_killed_mid_backup, args=(folder / "demo-20261122-090000-manual.sqlite", demo.path))
    child.start()
    child.join(30)
    assert child.exitcode == -signal.SIGKILL
    legacy = folder / "demo-20261121-090000-daily.sqlite.partial"  # an earlier version's
    legacy.write_bytes(b"half")
    old = time.time() - STALE_AFTER_S - 60
    os.utime(legacy, (old, old))
    assert len(temps(folder)) == 2, "the killed backup left its copy and journal"
    removed = remove_backup_leftovers(demo.path)
    assert len(removed) == 3
    assert temps(folder) == [] and not legacy.exists()
    assert not [p for p in folder.iterdir() if not p.name.endswith(".sqlite")]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_zombie_writer_counts_as_gone():
    """A worker killed with its parent can stay a zombie: it answers signal 0 but writes nothing."""
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    try:
        deadline = time.monotonic() + 10
        while not _is_zombie(pid) and time.monotonic() < deadline:
            time.sleep(0.001)
        os.kill(pid, 0)  # still there as far as signal 0 can tell
        assert not process_alive(pid)
    finally:
        os.waitpid(pid, 0)
    assert process_alive(os.getpid())


def _is_zombie(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0] == b"Z"


def test_a_pdf_on_a_really_full_tmpfs(demo, tmp_path):
    """The same on a real full file system (ENOSPC), where mounting one is allowed."""
    from tests.support.small_disk import fill_disk, mounted_tmpfs

    with mounted_tmpfs(tmp_path / "stick", "2m") as stick:
        if stick is None:
            pytest.skip("mounting a tmpfs needs root")
        pdf = stick / "督办台账.pdf"
        args = ("--db", str(demo.path), "report", "ledger", "--pdf", str(pdf), "--json")
        assert run_cli(*args).returncode == 0
        before = pdf.read_bytes()
        fill_disk(stick, leave_bytes=len(before) // 3)
        done = run_cli(*args)
        assert done.returncode == 1, done.stderr
        assert_refused_and_kept(json.loads(done.stdout)["error"], pdf, before)
