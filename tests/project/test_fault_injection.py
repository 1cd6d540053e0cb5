"""SIGKILL at random moments of the command line's writing operations (seeded, 50 kills).

Each round copies the ledger, runs the operation to completion on the copy (what "after"
looks like, and how long the operation takes), then runs it on the ledger and kills it at a
random moment within that time. Then: the ledger passes ``PRAGMA integrity_check`` and
opens; its rows are exactly as before or exactly as after (all or nothing); and once the
same operation has run again, no temporary file is left in the folders the clerk sends out
or backs up to.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_cli import cli
from tests.conftest import ROOT
from tests.support.fillin_helpers import fill_all, fill_workbook
from tests.support.fixtures_sheets import write_task_list_xlsx

SEED = 20261204
ROUNDS_PER_OPERATION = 10  # five operations: 50 kills
TABLES = ("plan", "plan_item", "target", "unit", "unit_alias", "assignment", "status_update",
          "import_batch", "fillin_export", "fillin_return")
PERIOD = "2026年第4季度"
LEFTOVER_PATTERNS = (".~*", "*.tmp", "*.partial")


def rows_of(path: Path) -> dict[str, int]:
    """What an import or an export changes, counted table by table."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def leftovers(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(p.name for pattern in LEFTOVER_PATTERNS for p in folder.glob(pattern))


@pytest.fixture(scope="module")
def workplace(tmp_path_factory) -> dict[str, Path]:
    """A demo ledger, a 3,000-row task list, and two fill-in workbooks filled in by units."""
    folder = tmp_path_factory.mktemp("faults")
    ledger = folder / "template.sqlite"
    assert cli("demo", "--json", db=ledger)[0] == 0
    tasks = folder / "tasks"
    tasks.mkdir()
    for n in range(ROUNDS_PER_OPERATION):  # a different file each round: one file imports once
        write_task_list_xlsx(tasks / f"任务分解表{n}.xlsx", rows=3000,
                             title=f"××县教育局2024年工作要点任务分解表（第{n}批）")
    sent = folder / "sent"
    code, data, err = cli("export-fillin", "--plan", "1", "--period", PERIOD, "--out", str(sent),
                          "--json", db=ledger)
    assert code == 0, err
    returned = folder / "returned"
    returned.mkdir()
    for n, name in enumerate(sorted(data["files"])[:2]):
        fill_workbook(Path(name), fill_all({"状态": "推进中", "完成进度%": 40 + n, "进展情况": "按计划推进"}),
                      returned / Path(name).name)
    return {"folder": folder, "ledger": ledger, "tasks": tasks, "returned": returned}


def operation_args(kind: str, place: dict[str, Path], out: Path,
                   round_number: int) -> tuple[list[str], list[Path]]:
    """The command for ``kind`` and the folders it writes files into."""
    if kind == "import-tasks":
        return ["import-tasks", str(place["tasks"] / f"任务分解表{round_number}.xlsx"), "--new"], []
    if kind == "export-fillin":
        return ["export-fillin", "--plan", "1", "--period", PERIOD, "--out", str(out / "填报表"),
                "--zip"], [out / "填报表"]
    if kind == "import-returns":
        return ["import-returns", *map(str, sorted(place["returned"].glob("*.xlsx")))], []
    if kind == "backup":
        return ["backup"], []
    if kind == "report":
        return ["report", "bulletin", "--pdf", str(out / "通报.pdf"), "--xlsx", str(out / "通报.xlsx"),
                "--docx", str(out / "通报.docx")], [out]
    raise ValueError(kind)


def run_to_completion(args: list[str], db: Path) -> float:
    started = time.perf_counter()
    code, _, err = cli(*args, "--json", db=db)
    assert code == 0, (args, err)
    return time.perf_counter() - started


def kill_during(args: list[str], db: Path, delay: float) -> bool:
    """Start the command and SIGKILL it after ``delay`` seconds; True if it was still running."""
    process = subprocess.Popen([sys.executable, "-m", "planner_desktop", "--db", str(db), *args, "--json"],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        process.kill()  # SIGKILL; TerminateProcess on Windows
        process.wait()
        return True


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["import-tasks", "export-fillin", "import-returns", "backup", "report"])
def test_sigkill_at_random_moments_leaves_the_ledger_whole(workplace, tmp_path, kind):
    chance = random.Random(f"{SEED}-{kind}")
    db = tmp_path / "ledger.sqlite"
    shutil.copyfile(workplace["ledger"], db)
    out = tmp_path / "out"
    killed = 0
    for round_number in range(ROUNDS_PER_OPERATION):
        args, folders = operation_args(kind, workplace, out, round_number)
        reference = tmp_path / f"reference-{round_number}" / "ledger.sqlite"
        reference.parent.mkdir()
        shutil.copyfile(db, reference)
        before = rows_of(db)
        duration = run_to_completion(args, reference)
        after = rows_of(reference)
        killed += kill_during(args, db, chance.uniform(0.05, duration))
        where = f"{kind}, round {round_number}"
        assert integrity(db) == "ok", where
        assert rows_of(db) in (before, after), where
        assert cli("check", "--json", db=db)[0] == 0, where  # the ledger opens and is whole
        if rows_of(db) == before and kind in ("import-tasks", "import-returns"):
            run_to_completion(args, db)  # the clerk tries again, and it all arrives
            assert rows_of(db) == after, where
        elif folders or kind == "backup":
            run_to_completion(args, db)
        for folder in [*folders, db.parent / "backups"]:
            assert leftovers(folder) == [], (where, folder)
        for backup in (db.parent / "backups").glob("*.sqlite"):
            assert integrity(backup) == "ok", (where, backup)
        shutil.rmtree(reference.parent)
    # Most kills must land while the command runs, or the test proves little.
    assert killed >= ROUNDS_PER_OPERATION // 2, json.dumps({"kind": kind, "killed": killed})
