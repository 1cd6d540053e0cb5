"""督办单 and 催办通知 from the demo ledger: files read back, numbering, records, bad input."""

from __future__ import annotations

import datetime as dt
import subprocess

import docx
import pytest

from planner_desktop.domain.status import Light
from planner_desktop.errors import UserFixableError
from planner_desktop.ops.ledger_query import ItemQuery, query_items
from planner_desktop.ops.slips import answer_slip, restore_slip, slip_by_reference
from planner_desktop.printing.slip_files import issue_notices, issue_slips
from planner_desktop.store.slips import list_notices, list_slips, unit_history
from tests.cli.test_cli import cli

TODAY = dt.date(2026, 6, 30)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def docx_text(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


@pytest.fixture
def demo(ledger, demo_templates):
    return demo_templates.copy_into(ledger, TODAY)


def test_red_and_yellow_slips_one_per_item_and_lead_unit(ledger, demo, tmp_path):
    views = {v.record.id: v for v in query_items(ledger, ItemQuery(as_of=TODAY))}
    issued = issue_slips(ledger, tmp_path / "out", lights={Light.RED, Light.YELLOW}, today=TODAY,
                         one_pdf=True)
    expected = [v for v in views.values() if v.light in (Light.RED, Light.YELLOW) and v.lead]
    assert len(issued.slips) == sum(len(v.lead) for v in expected)
    assert [s.number for s in issued.slips] == list(range(1, len(issued.slips) + 1))
    joined = next(f for f in issued.files if f.suffix == ".pdf")
    text = pdf_text(joined)
    for slip in issued.slips:
        view = views[slip.item_id]
        assert slip.unit.name in view.lead
        assert f"督办〔2026〕{slip.number}号" in text
        assert view.record.due is None or view.record.due.isoformat() in text
    per_unit = [f for f in issued.files if f.suffix == ".docx"]
    assert len(per_unit) == len({s.unit.name for s in issued.slips})
    first = issued.slips[0]
    words = docx_text(next(f for f in per_unit if first.unit.name in f.name))
    assert first.label in words and first.title in words and "签收人" in words and "办理情况" in words
    recorded = list_slips(ledger, year=2026)
    assert [r.label for r in recorded] == [s.label for s in issued.slips]
    assert any(e[1] == f"督办单 {first.label}" for e in unit_history(ledger, first.unit.unit_id))


def test_numbering_continues_across_runs_and_restarts_each_year(ledger, demo, tmp_path):
    red = [v.record.id for v in query_items(ledger, ItemQuery(as_of=TODAY)) if v.light is Light.RED]
    one = issue_slips(ledger, tmp_path / "a", item_ids=red[:1], today=TODAY, formats=["pdf"])
    two = issue_slips(ledger, tmp_path / "b", item_ids=red[:1], today=TODAY, formats=["docx"])
    assert two.slips[0].number == one.slips[-1].number + 1
    with ledger.transaction() as conn:  # the item of the last slip deleted: its number stays used
        conn.execute("DELETE FROM plan_item WHERE id = ?", (red[0],))
    other = next(v.record.id for v in query_items(ledger, ItemQuery(as_of=TODAY)) if v.lead)
    three = issue_slips(ledger, tmp_path / "d", item_ids=[other], today=TODAY, formats=["pdf"])
    assert three.slips[0].number == two.slips[-1].number + 1
    next_year = issue_slips(ledger, tmp_path / "c", item_ids=[other], today=dt.date(2027, 1, 5),
                            formats=["pdf"])
    assert next_year.slips[0].label == "督办〔2027〕1号"
    assert "督办〔2027〕1号" in pdf_text(next_year.files[0])


def test_a_file_that_cannot_be_written_records_nothing_and_leaves_no_file(ledger, demo, tmp_path):
    from planner_desktop.ops.slips import plan_slips
    from planner_desktop.printing.slip_files import safe_name

    out = tmp_path / "out"
    first = plan_slips(ledger, lights={Light.RED, Light.YELLOW}, today=TODAY).slips[0]
    (out / f"督办单_{safe_name(first.unit.name)}_2026-1.docx").mkdir(parents=True)  # in the way
    with pytest.raises(UserFixableError, match="无法写入"):
        issue_slips(ledger, out, lights={Light.RED, Light.YELLOW}, today=TODAY)
    assert [p.name for p in out.iterdir()] == [f"督办单_{safe_name(first.unit.name)}_2026-1.docx"]
    assert list_slips(ledger) == []
    with pytest.raises(UserFixableError, match="不是文件夹"):
        issue_slips(ledger, tmp_path / "x.txt" if (tmp_path / "x.txt").write_text("x") else tmp_path,
                    lights={Light.RED}, today=TODAY)


def test_nothing_to_issue_and_unknown_unit_are_clear(ledger, demo, tmp_path):
    with pytest.raises(UserFixableError, match="没有选中"):
        issue_slips(ledger, tmp_path, item_ids=[], today=TODAY)
    with pytest.raises(UserFixableError, match="不在单位名册"):
        issue_slips(ledger, tmp_path, lights={Light.RED}, unit="月球股", today=TODAY)
    assert list_slips(ledger) == [] and list(tmp_path.glob("*.pdf")) == []


def test_unit_without_contact_still_gets_a_slip_and_is_named(ledger, demo, tmp_path):
    red = next(v for v in query_items(ledger, ItemQuery(as_of=TODAY)) if v.light is Light.RED and v.lead)
    with ledger.transaction() as conn:
        conn.execute("UPDATE unit SET contact = '', phone = '' WHERE name = ?", (red.lead[0],))
    issued = issue_slips(ledger, tmp_path, item_ids=[red.record.id], today=TODAY)
    assert issued.no_contact == [red.lead[0]] and len(issued.files) == 2


def test_answer_close_and_restore(ledger, demo, tmp_path):
    red = [v.record.id for v in query_items(ledger, ItemQuery(as_of=TODAY)) if v.light is Light.RED]
    slip = issue_slips(ledger, tmp_path, item_ids=red[:1], today=TODAY).slips[0]
    record = slip_by_reference(ledger, number=slip.label)
    before = answer_slip(ledger, record.id, "已完成整改", close=True).value
    done = slip_by_reference(ledger, slip_id=record.id)
    assert done.answer == "已完成整改" and done.closed_at
    restore_slip(ledger, record.id, before)
    again = slip_by_reference(ledger, slip_id=record.id)
    assert again.answer == "" and again.closed_at is None


def test_notices_for_units_not_reported(ledger, demo, tmp_path):
    issued = issue_notices(ledger, tmp_path, demo.plan_id, "2026-06", new_due=dt.date(2026, 7, 5),
                           text_file=True, today=TODAY)
    assert issued.notices and len(list_notices(ledger)) == len(issued.notices)
    text = pdf_text(tmp_path / "催办通知_2026-06.pdf")
    for notice in issued.notices:
        assert notice.unit.name in text and notice.unit.name in issued.text
    assert "2026年7月5日" in text
    first = issued.notices[0]
    words = docx_text(tmp_path / f"催办通知_2026-06_{first.unit.name}.docx")
    assert first.items[0][1] in words and "2026年6月" in words
    assert (tmp_path / "催办通知_2026-06.txt").read_text("utf-8").startswith("【催办通知】")
    assert any("催办通知 2026-06" in e[1] for e in unit_history(ledger, first.unit.unit_id))


def test_cli_issue_list_answer_and_reminders(ledger_path, demo_templates, tmp_path):
    demo_templates.copy_file(ledger_path, TODAY)
    code, data, _ = cli("slips", "issue", "--light", "red", "--one-pdf", "--out", str(tmp_path / "o"),
                        "--as-of", "2026-06-30", "--json", db=ledger_path)
    assert code == 0 and data["count"] >= 1 and data["slips"][0]["number"] == "督办〔2026〕1号"
    code, data, _ = cli("slips", "answer", "--number", "督办〔2026〕1号", "--text", "已办结", "--close",
                        "--json", db=ledger_path)
    assert code == 0 and data["answer"] == "已办结" and data["closed_at"]
    code, data, _ = cli("slips", "list", "--year", "2026", "--json", db=ledger_path)
    assert code == 0 and data["slips"][0]["closed_at"]
    code, data, _ = cli("slips", "issue", "--light", "red", "--unit", "月球股", "--out", str(tmp_path),
                        "--json", db=ledger_path)
    assert code == 1 and "月球股" in data["error"]
    code, data, _ = cli("reminders", "--period", "2026-06", "--due", "2026-07-05", "--out",
                        str(tmp_path / "r"), "--text", "--as-of", "2026-06-30", "--json", db=ledger_path)
    assert code == 0 and data["count"] == len(data["units"]) and "【催办通知】" in data["text"]


def test_the_bulletin_quotes_the_slips_of_its_overdue_items(ledger, demo, tmp_path):
    from planner_desktop.domain.report_bulletin import overdue_line
    from planner_desktop.ops.reports import build_document

    red = [v.record.id for v in query_items(ledger, ItemQuery(as_of=TODAY)) if v.light is Light.RED]
    slip = issue_slips(ledger, tmp_path, item_ids=red[:1], today=TODAY, formats=["pdf"]).slips[0]
    doc = build_document(ledger, "bulletin", plan_id=demo.plan_id, as_of=TODAY)
    lines = [overdue_line(i, e) for i, e in enumerate(doc.bulletin.overdue, start=1)]
    assert any(f"（{slip.label}）" in line and slip.title in line for line in lines)


def test_a_returned_fill_in_workbook_answers_and_closes_the_units_slips(ledger, demo, tmp_path):
    """The fill-in row of an item under supervision names its open slip; the unit's 进展情况 on
    return is recorded as the slip's 办理情况, and the slip is closed when the unit reports the
    task done; undoing the import puts the slips back."""
    import openpyxl

    from planner_desktop.ops.fillin.commit import commit_returns
    from planner_desktop.ops.fillin.export import export_fillin
    from planner_desktop.ops.fillin.returns import preview_returns
    from planner_desktop.ops.imports import undo_import
    from tests.support.fillin_helpers import data_rows, headers

    issued = issue_slips(ledger, tmp_path / "slips", lights={Light.RED, Light.YELLOW}, today=TODAY).slips
    unit = max((s.unit for s in issued), key=lambda u: sum(s.unit.unit_id == u.unit_id for s in issued))
    mine = [s for s in issued if s.unit.unit_id == unit.unit_id]
    assert len(mine) >= 3, "a unit of the demo has three items under supervision"
    (path,) = export_fillin(ledger, 1, "2026-06", tmp_path / "out", unit_ids=[unit.unit_id]).files
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    columns = headers(ws)
    slip_column = columns["督办单"]
    by_slip = {ws.cell(r, slip_column).value: r for r in data_rows(ws) if ws.cell(r, slip_column).value}
    assert set(by_slip) == {s.label for s in mine}
    done, going = (by_slip[s.label] for s in mine[:2])
    for row, values in ((done, {"状态": "已完成", "进展情况": "已整改到位，材料已报送。"}),
                        (going, {"状态": "推进中", "完成进度%": 70, "进展情况": "正在整改，月底前完成。"})):
        for header, value in values.items():
            ws.cell(row, columns[header]).value = value
    wb.save(path)
    preview = preview_returns(ledger, [path])
    assert preview.to_json()["files"][0]["slips_answered"] == 2
    batches = commit_returns(ledger, preview)
    closed, open_ = (slip_by_reference(ledger, number=s.label) for s in mine[:2])
    assert closed.answer == "已整改到位，材料已报送。" and closed.closed_at
    assert open_.answer == "正在整改，月底前完成。" and open_.answered_at and open_.closed_at is None
    assert all(slip_by_reference(ledger, number=s.label).answer == "" for s in mine[2:])
    undo_import(ledger, batches[path])
    for slip in mine[:2]:
        back = slip_by_reference(ledger, number=slip.label)
        assert (back.answer, back.answered_at, back.closed_at) == ("", None, None)
