"""``import-tasks`` and ``import-plan`` with ``--plan ID`` / ``--new`` / neither: the JSON says
which plan the file went into, whether it was new, and what was matched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner_desktop.cli.main import run

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DOCUMENT = str(SAMPLES / "plans" / "001_autonumbered.docx")
TASK_LIST = str(SAMPLES / "tasklists" / "2020_tasklist_merged.xlsx")
CSV_LIST = str(SAMPLES / "tasklists" / "2020_tasklist_gbk.csv")
TWO_HEADER_ROWS = str(SAMPLES / "tasklists" / "2020_tasklist_two_header_rows.xlsx")


def cli(capsys, db: Path, *args: str) -> tuple[int, dict]:
    code = run(["--db", str(db), *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else {}


def test_default_joins_the_matching_plan_and_new_makes_another(tmp_path, capsys):
    db = tmp_path / "cli.sqlite"
    code, made = cli(capsys, db, "import-plan", DOCUMENT)
    assert code == 0 and made["plan"] == {"id": 1, "title": "2020年全州教育和体育工作要点", "new": True}
    code, dry = cli(capsys, db, "import-tasks", TASK_LIST, "--dry-run")
    assert code == 0 and dry["plan_id"] == 1 and dry["plan"]["new"] is False
    assert (dry["matched"], dry["new_items"], dry["unmentioned"]) == (44, 82, 0)
    code, joined = cli(capsys, db, "import-tasks", TASK_LIST)
    assert code == 0 and joined["plan_id"] == 1 and joined["batch_id"] == 2
    assert joined["assignments"] == 186  # 各中小学 … on 33 items wait for the roster
    code, again = cli(capsys, db, "import-tasks", CSV_LIST, "--new")
    assert code == 0 and again["plan"]["new"] is True and again["plan_id"] == 2
    assert again["plan"]["id"] == 2 and again["matched"] == 0
    # Two plans match now: without --plan a script gets a new plan, never a guess.
    code, dry = cli(capsys, db, "import-tasks", TWO_HEADER_ROWS, "--dry-run")
    assert code == 0 and sorted(dry["matching_plans"]) == [1, 2] and dry["plan"]["new"] is True


def test_plan_id_names_the_plan(tmp_path, capsys):
    db = tmp_path / "cli.sqlite"
    assert cli(capsys, db, "import-tasks", TASK_LIST)[0] == 0
    code, joined = cli(capsys, db, "import-plan", DOCUMENT, "--plan", "1")
    assert code == 0 and joined["plan"] == {"id": 1, "title": "××州教育和体育局2020年工作要点任务分解表",
                                            "new": False}
    assert (joined["matched"], joined["new_items"], joined["unmentioned"]) == (44, 0, 82)
    code, error = cli(capsys, db, "import-tasks", CSV_LIST, "--plan", "7")
    assert code == 1 and "编号为 7 的计划" in error["error"]
    with pytest.raises(SystemExit) as misuse:  # argparse's exit on a wrong call
        run(["--db", str(db), "import-tasks", CSV_LIST, "--plan", "1", "--new"])
    assert misuse.value.code == 2
