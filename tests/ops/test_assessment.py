"""单位考核 recomputed on the ledger of tests/support/assessment_ledger.py, built by hand, whose
expected counts and scores (EXPECTED below) were worked out by hand from the default scheme
(never by running the code): see that module's docstring for each unit's sum."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import openpyxl
import pytest

from planner_desktop.cli.main import run
from planner_desktop.domain.assessment import DEFAULT_SCHEME, Rule, Scheme, SchemeError, scheme_from_text
from planner_desktop.domain.timeliness import Timeliness, extension_text
from planner_desktop.errors import UserFixableError
from planner_desktop.ops import assessment, editing
from planner_desktop.store.database import open_ledger
from tests.support.assessment_ledger import END, P1, P2, S1, S2, START, TODAY, build_hand_ledger


@pytest.fixture(scope="module")
def hand_ledger(tmp_path_factory) -> Path:
    return build_hand_ledger(tmp_path_factory.mktemp("assessment") / "ledger.sqlite")


@pytest.fixture
def opened(hand_ledger, tmp_path):
    copy = tmp_path / "ledger.sqlite"
    copy.write_bytes(hand_ledger.read_bytes())
    ledger = open_ledger(copy, daily_backup=False)
    yield ledger
    ledger.close()


EXPECTED = {  # unit: (assigned, on_time, within_ext, late, overdue, rep_on_time, rep_late,
    #                   rep_missing, slips, targets_reached, score, rank)
    S1: (4, 2, 0, 1, 1, 2, 0, 0, 1, 1, 96.5, 2),
    S2: (4, 1, 1, 1, 1, 0, 1, 1, 0, 0, 94.0, 3),
    P1: (2, 1, 1, 0, 0, 0, 1, 1, 0, 0, 97.0, 1),
    P2: (2, 0, 0, 2, 0, 1, 0, 1, 2, 0, 94.0, 3),
}
KEYS = ("assigned", "on_time", "within_extension", "late", "overdue", "reports_on_time", "reports_late",
        "reports_missing", "slips", "targets_reached")


def test_scores_counted_by_hand(opened):
    result = assessment.assess(opened, START, END, scheme=DEFAULT_SCHEME, today=TODAY)
    assert result.as_of == dt.date(2025, 7, 1)
    got = {s.unit.unit_name: (*[s.unit.count(k) for k in KEYS], s.score, s.rank) for s in result.scores}
    assert got == EXPECTED
    assert [s.unit.unit_name for s in result.scores][:2] == [P1, S1]
    calc = {s.unit.unit_name: s.calculation for s in result.scores}
    assert calc[S1] == ("100 − 2×1（逾期未完成） − 1×1（逾期完成） − 1×1（收到督办单） "
                        "+ 0.5×1（指标达成） = 96.5")
    assert calc[P2] == "100 − 1×2（逾期完成） − 2×1（未报送） − 1×2（收到督办单） = 94"


def test_units_chosen_by_kind_or_name(opened):
    schools = assessment.assess(opened, START, END, units="学校", scheme=DEFAULT_SCHEME, today=TODAY)
    assert [(s.unit.unit_name, s.rank) for s in schools.scores] == [(P1, 1), (P2, 2)]
    named = assessment.assess(opened, START, END, units=f"{S2}，{P2}", scheme=DEFAULT_SCHEME, today=TODAY)
    assert [(s.unit.unit_name, s.rank) for s in named.scores] == [(S2, 1), (P2, 1)]
    with pytest.raises(UserFixableError, match="没有这些单位：不存在的股"):
        assessment.assess(opened, START, END, units="不存在的股", today=TODAY)


def test_timeliness_in_the_detail_pane_and_the_extension_history(opened):
    item_b = opened.scalar("SELECT id FROM plan_item WHERE code = 'B'")
    detail = editing.item_detail(opened, item_b, today=TODAY)
    states = {a["unit_name"]: a["timeliness"] for a in detail.assignments}
    assert states == {S1: Timeliness.ON_TIME, P1: Timeliness.WITHIN_EXTENSION, P2: Timeliness.LATE}
    line = extension_text(next(x for x in detail.extensions if x["unit_name"] == P1))
    assert line == "2025-05-31 → 2025-06-15：等待上级文件（王局长 审批，2025-03-01）"
    old = {"old_due": "2025-05-31", "new_due": "2025-06-15", "reason": "资金未到位", "approver": "",
           "approved_on": None, "requested_on": None}  # recorded before approvals were kept
    assert extension_text(old) == "2025-05-31 → 2025-06-15：资金未到位"
    with pytest.raises(UserFixableError, match="审批人"):
        editing.grant_extension(opened, detail.assignments[0]["id"], dt.date(2025, 9, 1), "理由",
                                approver=" ")


def test_scheme_saved_in_the_ledger_and_read_from_files(opened, tmp_path):
    assert assessment.load_scheme(opened) == DEFAULT_SCHEME
    mine = Scheme(90.0, 60.0, (Rule("overdue", "逾期未完成", "每项", -5.0),
                               Rule("slips", "督办单", "每份", -3.0)))
    assessment.save_scheme(opened, mine)
    assert assessment.load_scheme(opened) == mine
    result = assessment.assess(opened, START, END, today=TODAY)  # the saved scheme is used
    assert {s.unit.unit_name: s.score for s in result.scores} == {S1: 82.0, S2: 85.0, P1: 90.0, P2: 84.0}
    csv_file = tmp_path / "规则.csv"
    csv_file.write_text("规则,计分单位,分值\n基础分,,100\n逾期未完成,每项,-2\n迟报,每次,-1.5\n", "utf-8-sig")
    scheme = assessment.read_scheme_file(csv_file)
    assert scheme.base == 100 and [(r.key, r.points) for r in scheme.rules] == [("overdue", -2.0),
                                                                               ("reports_late", -1.5)]
    assert scheme.describe() == "评分规则：基础分 100 分；逾期未完成每项−2分；迟报每次−1.5分；最低 0 分。"
    json_file = tmp_path / "规则.json"
    json_file.write_text(json.dumps(mine.to_json(), ensure_ascii=False), "utf-8")
    assert assessment.read_scheme_file(json_file) == mine


def test_a_weight_that_is_not_a_number_names_the_rule_and_value(tmp_path):
    with pytest.raises(SchemeError) as caught:
        scheme_from_text("规则,计分单位,分值\n逾期未完成,每项,-2\n迟报,每次,扣一分\n", "规则.csv")
    assert "迟报" in caught.value.message and "扣一分" in caught.value.message
    assert caught.value.location.row == 2


def cli(capsys, db: Path, *args: str) -> tuple[int, dict]:
    code = run(["--db", str(db), *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else {}


def test_command_json_and_the_workbook(hand_ledger, tmp_path, capsys):
    db = tmp_path / "l.sqlite"
    db.write_bytes(hand_ledger.read_bytes())
    out = tmp_path / "考核.xlsx"
    code, answer = cli(capsys, db, "assessment", "--from", "2025-01-01", "--to", "2025-06-30",
                       "--as-of", TODAY.isoformat(), "--out", str(out))
    assert code == 0, answer
    assert {"from", "to", "as_of", "scheme", "units", "file"} <= set(answer)
    assert [(u["unit"], u["rank"], u["score"]) for u in answer["units"]] == [
        (P1, 1, 97.0), (S1, 2, 96.5), (S2, 3, 94.0), (P2, 3, 94.0)]
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == "单位考核（2025-01-01 至 2025-06-30）"
    assert sheet["A2"].value.startswith("评分规则：基础分 100 分；逾期未完成每项−2分")
    header = [c.value for c in sheet[5]]
    assert header[:4] == ["名次", "单位", "类别", "承担事项"] and header[-2:] == ["得分", "计算过程"]
    first = [c.value for c in sheet[6]]
    assert first[:4] == [1, P1, "学校", 2] and first[-2] == 97 and first[-1].endswith("= 97")
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_bad_input_writes_nothing(hand_ledger, tmp_path, capsys):
    db = tmp_path / "l.sqlite"
    db.write_bytes(hand_ledger.read_bytes())
    out = tmp_path / "考核.xlsx"
    out.write_bytes(b"last year's table")
    code, error = cli(capsys, db, "assessment", "--from", "2025-06-30", "--to", "2025-01-01",
                      "--out", str(out))
    assert code == 1 and "晚于截止日期" in error["error"]
    code, error = cli(capsys, db, "assessment", "--from", "2023-01-01", "--to", "2023-12-31",
                      "--out", str(out))
    assert code == 1 and "没有到期或完成的事项" in error["error"]
    bad = tmp_path / "规则.json"
    bad.write_text('{"base": 100, "rules": [{"key": "overdue", "name": "逾期未完成", "points": "两分"}]}',
                   "utf-8")
    code, error = cli(capsys, db, "assessment", "--from", "2025-01-01", "--to", "2025-06-30",
                      "--scheme", str(bad), "--out", str(out))
    assert code == 1 and "逾期未完成" in error["error"] and "两分" in error["error"]
    assert out.read_bytes() == b"last year's table"
    assert list(tmp_path.glob("*.tmp")) == []


def test_the_pdf_is_searchable_chinese(hand_ledger, tmp_path, capsys):
    db = tmp_path / "l.sqlite"
    db.write_bytes(hand_ledger.read_bytes())
    out = tmp_path / "考核.pdf"
    code, answer = cli(capsys, db, "assessment", "--from", "2025-01-01", "--to", "2025-06-30",
                       "--as-of", TODAY.isoformat(), "--units", "学校", "--out", str(out))
    assert code == 0, answer
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "单位考核（2025-01-01 至 2025-06-30）" in text and "评分规则：基础分 100 分" in text
    lines = [line for line in text.splitlines() if P1 in line or P2 in line]
    assert len(lines) == 2 and "100 − 1×1（迟报）" in lines[0] and lines[0].split()[0] == "1"
    assert lines[1].split()[0] == "2" and "94" in lines[1].split() and "= 94" in text


def test_the_bulletin_can_include_the_ranking(opened):
    """As of 30 June (the bulletin's day) nothing due that day is overdue yet, and what came
    in on 1 or 2 July is not known: 基础教育股 100 − 1 − 1 + 0.5 = 98.5; 安全股 100 − 1 − 1 = 98;
    城关小学 100 − 2 (Q1 missing) = 98; 实验中学 100 − 2 − 2 − 2 = 94."""
    from planner_desktop.ops.reports import build_document

    doc = build_document(opened, "bulletin", plan_id=1, as_of=END, options={"assessment": True})
    assert doc.bulletin.assessment == [(1, S1, "98.5"), (2, S2, "98"), (2, P1, "98"), (4, P2, "94")]
    assert doc.bulletin.assessment_note.startswith("2025年1月1日至2025年6月30日各单位考核得分")
    plain = build_document(opened, "bulletin", plan_id=1, as_of=END)
    assert plain.bulletin.assessment == [] and plain.bulletin.assessment_note == ""
