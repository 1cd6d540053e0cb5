"""The command line, run as a real process: JSON contract, exit codes, real files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def cli(*args: str, db=None, env_db=None, check_json=True) -> tuple[int, dict | None, str]:
    import os

    env = dict(os.environ)
    if env_db:
        env["PLANNER_DESKTOP_DB"] = str(env_db)
    command = [sys.executable, "-m", "planner_desktop"]
    if db:
        command += ["--db", str(db)]
    done = subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)
    data = None
    if "--json" in args and check_json:
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one JSON line, got: {done.stdout!r} {done.stderr}"
        data = json.loads(lines[0])
    return done.returncode, data, done.stderr


def test_init_info_and_check_on_a_new_ledger(tmp_path):
    db = tmp_path / "新建 文件夹" / "账本.sqlite"
    code, data, _ = cli("init", "--json", db=db)
    assert code == 0 and data["created"] is True and data["schema_version"] >= 1
    code, data, _ = cli("info", "--json", db=db)
    assert code == 0 and data["db"] == str(db) and data["counts"]["plan"] == 0
    code, data, _ = cli("check", "--json", db=db)
    assert code == 0 and data["ok"] is True and data["integrity"] == ["ok"]


def test_environment_variable_selects_the_ledger(tmp_path):
    db = tmp_path / "env.sqlite"
    code, data, _ = cli("info", "--json", env_db=db)
    assert code == 0 and data["db"] == str(db)


def test_units_import_of_the_sample_roster(tmp_path, samples):
    roster = samples / "tasklists" / "units_roster.xlsx"
    expected = json.loads((samples / "tasklists" / "units_roster.xlsx.expected.json").read_text())
    db = tmp_path / "l.sqlite"
    code, data, err = cli("units", "import", str(roster), "--json", db=db)
    assert code == 0, err
    assert {k: data[k] for k in ("sections", "schools", "aliases", "groups")} == {
        "sections": expected["sections"], "schools": expected["schools"],
        "aliases": len(expected["aliases"]), "groups": len(expected["groups"])}
    assert len(data["added"]) == expected["sections"] + expected["schools"]
    assert data["merged"] == [] and data["merge_pairs"] == []
    code, data, _ = cli("units", "list", "--json", db=db)
    by_name = {u["name"]: u for u in data["units"]}
    for alias, name in expected["aliases"].items():
        assert alias in by_name[name]["aliases"]
    # schools' 简称 are recognised too, so a task list may name 一中 or 实小
    assert "一中" in by_name["县第一中学"]["aliases"] and "实小" in by_name["县实验小学"]["aliases"]
    assert {g["name"] for g in data["groups"]} == set(expected["groups"])
    code, data, _ = cli("units", "alias", "基础股", "基教股", "--json", db=db)
    assert code == 0 and data == {"alias": "基础股", "unit": "基础教育股"}
    code, data, _ = cli("units", "alias", "某某股", "不存在的股", "--json", db=db)
    assert code == 1 and "不在单位名册" in data["error"]


def test_demo_then_items_list_json_contract(tmp_path):
    db = tmp_path / "demo.sqlite"
    code, data, err = cli("demo", "--json", db=db)
    assert code == 0, err
    assert data["items"] >= 60 and data["assignments"] > 100
    code, data, _ = cli("items", "list", "--json", db=db)
    assert code == 0
    items = data["items"]
    assert len(items) >= 60
    keys = {"id", "plan_id", "parent_id", "code", "level", "title", "text", "deadline_text", "due",
            "deadline_kind", "lead", "support", "schools", "status", "light", "progress"}
    assert all(keys <= set(item) for item in items)
    assert {i["deadline_kind"] for i in items} <= {"date", "recurring", "ongoing", "relative",
                                                   "unparsed", "none"}
    assert {i["light"] for i in items} <= {"red", "yellow", "green", "blue"}
    assert {i["status"] for i in items} <= {"未启动", "推进中", "已完成", "暂缓", "已取消"}
    # aliases in the demo content (基教股) come out as the roster's full names
    all_units = {u for i in items for u in i["lead"] + i["support"]}
    assert "基础教育股" in all_units and "基教股" not in all_units
    # filters
    code, overdue, _ = cli("items", "list", "--overdue", "--json", db=db)
    assert overdue["items"] and all(i["light"] == "red" for i in overdue["items"])
    code, by_unit, _ = cli("items", "list", "--unit", "基教股", "--json", db=db)
    assert by_unit["items"] and all("基础教育股" in i["lead"] + i["support"]
                                    for i in by_unit["items"])
    code, done, _ = cli("items", "list", "--status", "完成", "--json", db=db)
    assert all(i["status"] == "已完成" for i in done["items"])
    # a second demo into a full ledger is refused
    code, data, _ = cli("demo", "--json", db=db)
    assert code == 1 and "已有计划" in data["error"]


def test_backup_and_restore_commands(tmp_path):
    db = tmp_path / "l.sqlite"
    cli("demo", "--json", db=db)
    code, data, _ = cli("backup", "--to", str(tmp_path / "copy.sqlite"), "--json", db=db)
    assert code == 0 and (tmp_path / "copy.sqlite").exists()
    code, data, _ = cli("restore", str(tmp_path / "copy.sqlite"), "--json", db=db)
    assert code == 0 and data["safety_backup"]


@pytest.mark.parametrize(
    "args, code",
    [(("units", "import", "/nonexistent/名册.xlsx", "--json"), 1),
     (("items", "list", "--as-of", "not-a-date"), 2),
     (("no-such-command",), 2)],
)
def test_bad_input_and_misuse_exit_codes(tmp_path, args, code):
    returned, data, err = cli(*args, db=tmp_path / "l.sqlite", check_json=code == 1)
    assert returned == code
    if code == 1:
        assert data["error"] and data["file"]
        assert "Traceback" not in err


def test_newer_ledger_is_refused_by_the_cli(tmp_path):
    import sqlite3

    from planner_desktop.store.database import APPLICATION_ID

    db = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 999")
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    code, data, err = cli("info", "--json", db=db)
    assert code == 1 and "更新版本" in data["error"] and "Traceback" not in err


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    """``planner-desktop items list --json | head -c 100``: the pipe closes before we print."""
    import os

    db = tmp_path / "l.sqlite"
    assert cli("demo", "--json", db=db)[0] == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "planner_desktop", "--db", str(db), "items",
                               "list", "--json"], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, timeout=120)
    finally:
        os.close(write_end)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
