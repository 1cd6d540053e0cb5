"""``targets list|set|add|report-value`` on a real ledger file: the state follows the figure,
every change is in the target's history, and bad figures are refused with nothing written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from planner_desktop.cli.main import run


def cli(capsys, db: Path, *args: str) -> tuple[int, dict]:
    code = run(["--db", str(db), *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def db(tmp_path, capsys) -> Path:
    path = tmp_path / "ledger.sqlite"
    assert run(["--db", str(path), "demo", "--json"]) == 0
    capsys.readouterr()
    return path


def _by_text(capsys, db: Path, text: str) -> dict:
    _, listing = cli(capsys, db, "targets", "list")
    return next(t for t in listing["targets"] if t["text"] == text)


def test_a_figure_reached_gives_the_state_and_the_history(db, capsys):
    target = _by_text(capsys, db, "全年集中学习不少于12次")
    assert target["state"] == "待填报" and target["comparator"] == ">=" and target["reporter"] == "机关党委"
    code, answer = cli(capsys, db, "targets", "report-value", str(target["id"]), "--period", "2026-H1",
                       "--figure", "１０", "--note", "下半年补齐")
    assert code == 0 and answer["target"]["state"] == "未达成" and answer["target"]["figure"] == 10
    code, answer = cli(capsys, db, "targets", "report-value", str(target["id"]), "--period", "2026",
                       "--figure", "12")
    assert answer["target"]["state"] == "已达成" and answer["target"]["period"] == "2026"
    code, listing = cli(capsys, db, "targets", "list", "--state", "已达成")
    assert [t["id"] for t in listing["targets"]] == [target["id"]]
    with sqlite3.connect(db) as conn:
        actions = [r[0] for r in conn.execute(
            "SELECT action FROM target_change WHERE target_id = ? ORDER BY id", (target["id"],))]
        figures = conn.execute("SELECT period, figure, source FROM target_figure WHERE target_id = ? "
                               "ORDER BY id", (target["id"],)).fetchall()
    assert actions == ["figure", "figure"] and figures == [("2026-H1", 10.0, "hand"), ("2026", 12.0, "hand")]


def test_a_placeholder_is_filled_corrected_and_a_false_target_set_aside(db, capsys):
    placeholder = _by_text(capsys, db, "组建青年教师理论宣讲小分队x支")
    assert placeholder["state"] == "待定"
    code, answer = cli(capsys, db, "targets", "report-value", str(placeholder["id"]), "--period", "2026",
                       "--figure", "3")
    assert code == 1 and "待定" in answer["error"]
    code, answer = cli(capsys, db, "targets", "set", str(placeholder["id"]), "--figure", "5")
    assert code == 0 and answer["target"]["wanted"] == 5 and answer["target"]["state"] == "待填报"
    code, answer = cli(capsys, db, "targets", "set", str(placeholder["id"]), "--comparator", "不少于",
                       "--reporter", "机关党委")
    assert answer["target"]["comparator"] == ">="
    code, answer = cli(capsys, db, "targets", "set", str(placeholder["id"]), "--remove")
    assert answer["target"]["removed"] is True
    _, listing = cli(capsys, db, "targets", "list")
    assert placeholder["id"] not in {t["id"] for t in listing["targets"]}
    code, answer = cli(capsys, db, "targets", "set", str(placeholder["id"]), "--restore")
    assert answer["target"]["removed"] is False
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT action, before, after FROM target_change WHERE target_id = ? ORDER BY id",
                            (placeholder["id"],)).fetchall()
    assert [r[0] for r in rows] == ["fill", "edit", "remove", "restore"]
    assert json.loads(rows[0][1]) == {"number": None, "placeholder": 1}
    assert json.loads(rows[0][2]) == {"number": 5.0, "placeholder": 0}


def test_a_target_the_parser_missed_is_added_from_its_phrase(db, capsys):
    _, listing = cli(capsys, db, "targets", "list")
    item_id = listing["targets"][0]["item_id"]
    code, answer = cli(capsys, db, "targets", "add", "--item", str(item_id), "--text", "新增公办学位1,260个")
    assert code == 0
    made = answer["target"]
    assert (made["wanted"], made["measure"], made["origin"], made["state"]) == (1260, "个", "clerk", "待填报")
    code, answer = cli(capsys, db, "targets", "add", "--item", str(item_id), "--text", "办好人民满意的教育")
    assert code == 1 and "没有找到目标值" in answer["error"]


@pytest.mark.parametrize(("figure", "words"),
                         [("约九成", "不是数字"), ("-5", "不能为负数"), ("12.5.1", "不是数字")])
def test_bad_figures_are_refused_and_nothing_is_written(db, capsys, figure, words):
    target = _by_text(capsys, db, "全年集中学习不少于12次")
    before = db.read_bytes()
    code, answer = cli(capsys, db, "targets", "report-value", str(target["id"]), "--period", "2026",
                       "--figure", figure)
    assert code == 1 and words in answer["error"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM target_figure").fetchone()[0] == 0
    assert db.read_bytes() == before


def test_a_negative_percentage_and_an_unknown_reporter_are_refused(db, capsys):
    _, listing = cli(capsys, db, "targets", "list")
    percent = next(t for t in listing["targets"] if t["measure"] == "%" and t["wanted"] is not None)
    code, answer = cli(capsys, db, "targets", "report-value", str(percent["id"]), "--period", "2026",
                       "--figure=-3%")
    assert code == 1 and "不能为负数" in answer["error"] and "%" in answer["error"]
    code, answer = cli(capsys, db, "targets", "set", str(percent["id"]), "--reporter", "火星教育股")
    assert code == 1 and "火星教育股" in answer["error"]
    code, answer = cli(capsys, db, "targets", "set", "99999", "--figure", "1")
    assert code == 1 and "99999" in answer["error"]
