"""Bad task lists through the real import path: each gets a message, none takes a gigabyte.

Makes, in a temporary folder, the task lists that have hurt before (issue 16): a stray value
far away (XFD1048576 made python-calamine abort on a 512 GiB allocation, XFD20000 took 12 GB,
Z1048576 867 MB), a far blank value (which must import), an empty file, a truncated zip, a
password-protected workbook, a GBK CSV (which must import), too many rows, a cell of 100,000
characters, a Word document and a WPS spreadsheet renamed, a FIFO and a link to /dev/zero.
Each is imported in its own child process as a script would (``import-tasks --dry-run
--json``), under an address-space limit so that a regression fails here instead of taking
the machine down; per file it prints the child's peak RSS (``wait4``'s rusage), its time,
its exit status and the first line of its message.

The peak is the child's own ``VmHWM`` at exit (written by a small wrapper around the CLI):
``wait4``'s ``ru_maxrss`` would also count the pages of this process that the child held
between fork and exec, which Linux keeps in the figure. A child that dies without exiting
(an abort) has no VmHWM; then ``ru_maxrss``, an upper bound, is shown.

Target: every bad file gets a message (exit 1 with a JSON error; the two good ones exit 0)
and no child's peak RSS reaches 1 GB. References: a plain python-calamine read of the good
base file, and the same import of it (the cost of starting the CLI).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import xlsxwriter  # noqa: E402

from bench.read_formats import calamine_plain  # noqa: E402
from bench.references import best_of  # noqa: E402
from tests.support.fixtures_sheets import (  # noqa: E402
    sheet_xml,
    write_compound_file,
    write_csv,
    write_encrypted_xlsx,
    write_raw_xlsx,
)

PEAK_LIMIT = 1 << 30  # the target: each child's peak RSS below 1 GB
ADDRESS_LIMIT = 4 << 30  # what a child may map: a regression is stopped, not the machine
CHILD_SECONDS = 60  # a child taking longer is killed (and fails the target)
HEADER = ["序号", "重点任务", "牵头股室", "完成时限"]
ROWS = [[str(r), f"任务{r} 推进义务教育优质均衡发展", "基础教育股", "2024年6月底"]
        for r in range(1, 21)]


@dataclass
class Case:
    name: str
    make: Callable[[Path], None]
    imports: bool = False  # a file that must import (exit 0), not be refused


def task_list(path: Path, far: str | None = None, value: str = "x") -> None:
    """The good base file (xlsxwriter), with one more value at ``far``."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("任务")
    for r, row in enumerate([HEADER, *ROWS]):
        ws.write_row(r, 0, row)
    if far:
        ws.write_string(far, value)
    wb.close()


def many_rows(path: Path) -> None:
    body = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 210_001))
    write_raw_xlsx(path, sheet_xml(body))


def truncated(path: Path) -> None:
    task_list(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def not_a_zip_member(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "这不是工作簿")


CASES = [
    Case("stray_value_XFD1048576.xlsx", lambda p: task_list(p, "XFD1048576")),
    Case("stray_value_XFD20000.xlsx", lambda p: task_list(p, "XFD20000")),
    Case("stray_value_Z1048576.xlsx", lambda p: task_list(p, "Z1048576")),
    Case("stray_blank_XFD1048576.xlsx", lambda p: task_list(p, "XFD1048576", " "), imports=True),
    Case("empty.xlsx", lambda p: p.write_bytes(b"")),
    Case("truncated.xlsx", truncated),
    Case("plain_zip.xlsx", not_a_zip_member),
    Case("password.xlsx", write_encrypted_xlsx),
    Case("gbk.csv", lambda p: write_csv(p, [HEADER, *ROWS], encoding="gbk"), imports=True),
    Case("rows_210000.xlsx", many_rows),
    Case("rows_250000.csv", lambda p: write_csv(p, [HEADER] + [["1", "任务"]] * 250_000)),
    Case("long_cell.csv", lambda p: write_csv(p, [HEADER, ["1", "长" * 100_000, "基础教育股"]])),
    Case("word_renamed.xlsx",
         lambda p: write_compound_file(p, {"WordDocument": b"\xec\xa5" + b"\x00" * 100})),
    Case("wps_sheet.et",
         lambda p: write_compound_file(p, {"Workbook": b"\x09\x08" + b"\x00" * 30})),
    Case("wps_sheet_renamed.xls",
         lambda p: write_compound_file(p, {"Workbook": b"\x09\x08" + b"\x00" * 30})),
    Case("fifo.csv", lambda p: os.mkfifo(p)),
    Case("dev_zero.xlsx", lambda p: p.symlink_to("/dev/zero")),
]


@dataclass
class Run:
    exit_code: int
    seconds: float
    peak_rss: int  # bytes
    message: str


# Runs the CLI as ``python -m planner_desktop`` does and, at exit, writes the process's peak
# RSS (VmHWM, in kB) to the file named by the first argument.
_WRAPPER = """
import atexit, re, runpy, sys
report = sys.argv.pop(1)
def peak():
    status = open('/proc/self/status').read()
    open(report, 'w').write(re.search(r'VmHWM:\\s*(\\d+)', status).group(1))
atexit.register(peak)
sys.argv[0] = 'planner_desktop'
runpy.run_module('planner_desktop', run_name='__main__', alter_sys=True)
"""


def _wait(child: subprocess.Popen, deadline: float) -> tuple[int, resource.struct_rusage]:
    """The child's wait status and rusage; a child still running at ``deadline`` (blocked
    on a FIFO, say) is killed."""
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            return status, usage
        if time.perf_counter() > deadline:
            child.kill()
        time.sleep(0.01)


def import_in_child(path: Path, ledger: Path) -> Run:
    """``import-tasks --dry-run --json`` in a child process, limited to ADDRESS_LIMIT."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))

    report = ledger.with_name("peak.txt")
    report.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", _WRAPPER, str(report), "--db", str(ledger), "import-tasks",
             str(path), "--dry-run", "--json"], cwd=ROOT, stdout=out, stderr=err,
            env={**os.environ, "PYTHONPATH": str(ROOT)}, preexec_fn=limit)
        status, usage = _wait(child, started + CHILD_SECONDS)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    try:
        message = json.loads(stdout).get("error") or "（导入成功）"
    except ValueError:
        message = (stderr.strip().splitlines() or ["(no output)"])[-1]
    peak_kb = int(report.read_text()) if report.exists() else usage.ru_maxrss
    return Run(child.returncode, seconds, peak_kb * 1024, message.splitlines()[0])


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-bad-"))
    try:
        base = folder / "good.xlsx"
        task_list(base)
        calamine_s = best_of(5, lambda: calamine_plain(base))
        good = import_in_child(base, folder / "ledger.sqlite")
        results, met = [], good.exit_code == 0
        for case in CASES:
            path = folder / case.name
            case.make(path)
            run = import_in_child(path, folder / "ledger.sqlite")
            ok = run.exit_code == (0 if case.imports else 1) and run.peak_rss < PEAK_LIMIT
            met = met and ok
            results.append((case, run, ok))
            print(f"{'ok ' if ok else 'BAD'} {case.name:30s} {run.peak_rss / 2**20:7.0f} MB "
                  f"{run.seconds:6.2f} s  exit {run.exit_code}  {run.message[:90]}",
                  file=sys.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    total = sum(run.seconds for _, run, _ in results)
    peak = max(run.peak_rss for _, run, _ in results)
    print(f"{len(results)} bad files in {total:.1f} s; highest peak RSS {peak / 2**20:.0f} MB "
          f"(the good file: {good.peak_rss / 2**20:.0f} MB, {good.seconds:.2f} s)",
          file=sys.stderr)
    print(json.dumps({"bench": "bad_inputs", "ours_s": round(total, 3),
                      "refs_s": {"calamine_plain_read_good_file": round(calamine_s, 4),
                                 "import_good_file_in_child": round(good.seconds, 3)},
                      "target": "every bad file gets a message, peak RSS < 1 GB", "met": met}))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
