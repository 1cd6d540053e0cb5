"""What goes into the reports, without Qt: counts and shares, ranking, outline codes, the
choice of rows, the bulletin's numbering and its 催报名单, and the text wrapping rules."""

from __future__ import annotations

import datetime as dt

import pytest

from planner_desktop.domain.ledger_table import LedgerRow
from planner_desktop.domain.report_bulletin import (
    build_bulletin,
    overall_sentence,
    rank_units,
)
from planner_desktop.domain.report_content import BulletinFields, percent_text, workdays_text
from planner_desktop.domain.report_tables import names_text, outline_codes, select_items
from planner_desktop.domain.status import Light, Schedule, Status
from planner_desktop.domain.units import Role

AS_OF = dt.date(2026, 11, 22)


def row(item_id: int, status: Status = Status.IN_PROGRESS, *, level: int = 2, code: str = "1.",
        schedule: Schedule = Schedule.NORMAL, light: Light = Light.GREEN, unit: str = "",
        remaining: int | None = 10, leaf: bool = True, title: str = "") -> LedgerRow:
    return LedgerRow(
        item_id=item_id, plan_id=1, level=level, code=code, title=title or f"任务{item_id}", text="",
        deadline_text="", due=AS_OF, status=status, progress=0, schedule=schedule, light=light,
        remaining_workdays=remaining, last_update=None, note="", lead=["基础教育股"], support=[],
        schools=[], assignment_id=item_id * 10 if unit else None, unit_name=unit,
        role=Role.LEAD if unit else None, is_leaf=leaf)


def test_percentages_round_half_up_to_one_decimal():
    assert percent_text(18 / 42) == "42.9%"
    assert percent_text(1 / 8) == "12.5%"
    assert percent_text(0.0625) == "6.3%"  # binary floats and banker's rounding would say 6.2%
    assert percent_text(1.0) == "100.0%"


def test_overall_sentence_reads_as_bureaus_write_it():
    items = ([row(i, Status.DONE, schedule=Schedule.CLOSED, light=Light.BLUE) for i in range(18)]
             + [row(100 + i) for i in range(20)]
             + [row(200 + i, schedule=Schedule.OVERDUE, light=Light.RED, remaining=-3) for i in range(4)])
    text = overall_sentence(items, 3)
    assert text.startswith("本次纳入督办的工作任务共42项，已完成18项，占42.9%；推进中24项，占57.1%；")
    assert "其中逾期4项，占9.5%" in text
    assert "暂缓" not in text  # statuses nobody is in are left out, beyond the three always said


def test_ranking_is_within_each_kind_and_ties_share_a_rank():
    rows = []
    for unit, done, total in (("甲股", 2, 2), ("乙股", 1, 2), ("丙股", 1, 2), ("丁股", 0, 2), ("一小", 1, 4)):
        for n in range(total):
            status = Status.DONE if n < done else Status.IN_PROGRESS
            rows.append(row(len(rows) + 1, status, unit=unit))
    kinds = {"甲股": "股室", "乙股": "股室", "丙股": "股室", "丁股": "股室", "一小": "学校"}
    ranked = {u.unit: (u.rank, u.kind) for u in rank_units(rows, kinds)}
    assert ranked == {"甲股": (1, "股室"), "乙股": (2, "股室"), "丙股": (2, "股室"), "丁股": (4, "股室"),
                      "一小": (1, "学校")}


def test_outline_codes_and_chosen_rows_keep_their_headings():
    # The rows carry each item's number (outline_codes.item_number), the path of its markers.
    rows = [row(1, level=1, code="一、", leaf=False), row(2, level=2, code="一、（一）", leaf=False),
            row(3, level=3, code="一、（一）1."), row(4, level=3, code="一、（一）2."),
            row(5, level=1, code="二、", leaf=False), row(6, level=2, code="二、（一）")]
    codes = outline_codes(rows)
    assert codes[3] == "一、（一）1." and codes[6] == "二、（一）"
    chosen = select_items(rows, [4])
    assert [(r.item_id, heading) for r, heading in chosen] == [(1, True), (2, True), (4, False)]
    assert [(r.item_id, h) for r, h in select_items(rows, [5])] == [(5, False)]  # a heading on its own
    assert len(select_items(rows, None)) == 6


def test_long_school_lists_are_summarised_and_workdays_read_as_words():
    assert names_text(["一小", "二小"]) == "一小、二小"
    assert names_text([f"{n}小" for n in range(25)]) == "0小等25所"
    assert names_text([f"{n}股" for n in range(9)], noun="个单位") == "0股、1股等9个单位"
    assert workdays_text(5, False) == "剩 5" and workdays_text(-3, True) == "逾期 3"
    assert workdays_text(0, False) == "今日到期" and workdays_text(None, False) == ""


def test_bulletin_names_overdue_units_and_fills_default_requirements():
    items = [row(1, schedule=Schedule.OVERDUE, light=Light.RED, remaining=-12, title="签订安全目标责任书"),
             row(2, Status.DONE, schedule=Schedule.CLOSED, light=Light.BLUE)]
    assignments = [row(1, schedule=Schedule.OVERDUE, remaining=-12, unit="安全稳定股"),
                   row(2, Status.DONE, schedule=Schedule.CLOSED, unit="一小")]
    bulletin = build_bulletin(items, assignments, codes={1: "二（一）1."}, fields=BulletinFields(issue=3),
                              plan_title="2026年工作要点", as_of=AS_OF, unit_kinds={"一小": "学校"},
                              not_reported=["二小"], not_reported_note="本期未发放填报表。", due_within=3)
    assert bulletin.overdue[0].units == ["安全稳定股"] and bulletin.overdue[0].workdays_overdue == 12
    assert bulletin.overdue[0].code == "二（一）1."
    assert bulletin.fields.requirements.startswith("一要")
    assert bulletin.total == 2 and bulletin.overdue_count == 1
    assert "截至2026年11月22日" in bulletin.intro


# -- with a ledger -------------------------------------------------------------------------------

@pytest.fixture
def demo(ledger, demo_templates):
    ledger.demo_plan = demo_templates.copy_into(ledger, today=AS_OF).plan_id
    return ledger


def test_issue_numbers_go_on_per_plan(demo, tmp_path):
    from planner_desktop.ops.reports import build_document, bulletin_defaults
    from planner_desktop.printing.report_files import make_report

    plan = demo.demo_plan
    assert bulletin_defaults(demo, plan).issue == 1
    doc = build_document(demo, "bulletin", plan_id=plan, as_of=AS_OF)
    assert doc.bulletin.fields.issue == 1 and doc.title == "督办通报 第1期"
    assert bulletin_defaults(demo, plan).issue == 1, "building (previewing) does not issue"
    make_report(demo, "bulletin", plan_id=plan, as_of=AS_OF, xlsx=tmp_path / "1.xlsx",
                options={"bulletin": {"office": "督查室", "series": "工作督查通报"}})
    following = bulletin_defaults(demo, plan)
    assert following.issue == 2 and following.office == "督查室" and following.series == "工作督查通报"
    make_report(demo, "bulletin", plan_id=plan, as_of=AS_OF, xlsx=tmp_path / "9.xlsx",
                options={"bulletin": {"issue": 9}})
    make_report(demo, "bulletin", plan_id=plan, as_of=AS_OF, xlsx=tmp_path / "4.xlsx",
                options={"bulletin": {"issue": 4}})  # an old issue printed again
    assert bulletin_defaults(demo, plan).issue == 10
    assert bulletin_defaults(demo, None).issue == 1, "numbered per plan"


def test_bulletin_names_the_units_that_did_not_return_their_workbooks(demo, tmp_path):
    from planner_desktop.ops.fillin.export import export_fillin
    from planner_desktop.ops.reports import build_document

    plan = demo.demo_plan
    exported = export_fillin(demo, plan, "2026-11", tmp_path / "out")
    doc = build_document(demo, "bulletin", plan_id=plan, as_of=AS_OF)
    bulletin = doc.bulletin
    assert bulletin.not_reported_note.startswith("2026年11月填报表已发放")
    assert len(bulletin.not_reported) == exported.units
    assert f"（{exported.units}个）" in bulletin.not_reported_note


def test_one_bulletin_is_one_issue_whatever_its_formats(demo, tmp_path):
    """The PDF, the .xlsx and the .docx of one bulletin, together or one after another, carry
    one number, recorded in the ledger with the issue's date and scope; the next issue (the
    next bulletin day) gets the next number."""
    from planner_desktop.ops.reports import bulletin_defaults, issued_bulletins
    from planner_desktop.printing.report_files import make_report

    plan = demo.demo_plan
    first = make_report(demo, "bulletin", plan_id=plan, as_of=AS_OF, pdf=tmp_path / "a.pdf")
    assert first.document.bulletin.fields.issue == 1
    again = make_report(demo, "bulletin", plan_id=plan, as_of=AS_OF, xlsx=tmp_path / "a.xlsx",
                        docx=tmp_path / "a.docx")
    assert again.document.bulletin.fields.issue == 1 and again.document.title == "督办通报 第1期"
    assert issued_bulletins(demo, plan) == [
        {"issue": 1, "date": AS_OF.isoformat(), "scope": "全部要点", "formats": ["docx", "pdf", "xlsx"]}]
    later = AS_OF + dt.timedelta(days=14)
    assert bulletin_defaults(demo, plan, AS_OF).issue == 1, "the same day: that issue, in another format"
    assert bulletin_defaults(demo, plan, later).issue == 2
    nxt = make_report(demo, "bulletin", plan_id=plan, as_of=later, pdf=tmp_path / "b.pdf")
    assert nxt.document.bulletin.fields.issue == 2
    assert [i["issue"] for i in issued_bulletins(demo, plan)] == [1, 2]
    assert bulletin_defaults(demo, plan, later + dt.timedelta(days=14)).issue == 3


def test_a_bulletin_of_all_plans_counts_the_fill_ins_of_every_plan(demo, tmp_path):
    from planner_desktop.ops.fillin.commit import commit_returns
    from planner_desktop.ops.fillin.export import export_fillin
    from planner_desktop.ops.fillin.returns import preview_returns
    from planner_desktop.ops.reports import build_document
    from tests.support.fillin_helpers import fill_all, fill_workbook

    plan = demo.demo_plan
    exported = export_fillin(demo, plan, "2026-11", tmp_path / "out")
    done = fill_all({"状态": "已完成", "进展情况": "全部完成"})
    back = [fill_workbook(path, done, tmp_path / f"back{n}.xlsx")
            for n, path in enumerate(exported.files[:3])]
    commit_returns(demo, preview_returns(demo, back))
    with demo.transaction() as conn:  # a second plan, so that the scope is 全部计划
        conn.execute("INSERT INTO plan (title, year, created_at) "
                     "VALUES ('2026年安全工作要点', 2026, '2026-01-05')")
    doc = build_document(demo, "bulletin", plan_id=None, as_of=AS_OF)
    bulletin = doc.bulletin
    assert doc.plan_title == "全部计划"
    assert "本期未发放填报表" not in bulletin.not_reported_note
    assert bulletin.not_reported_note.startswith("2026年11月填报表已发放")
    assert len(bulletin.not_reported) == exported.units - 3, "three came back"
    assert f"（{exported.units - 3}个）" in bulletin.not_reported_note
    assert "《全部计划》" not in bulletin.intro
    assert "《2026年安全工作要点》" in bulletin.intro


def test_a_bulletin_of_one_plan_names_it_in_title_marks(demo):
    from planner_desktop.ops.reports import build_document
    from planner_desktop.store.plans import list_plans

    title = list_plans(demo)[0]["title"]
    for plan_id in (demo.demo_plan, None):  # all plans, when there is one, is that plan
        intro = build_document(demo, "bulletin", plan_id=plan_id, as_of=AS_OF).bulletin.intro
        assert f"《{title}》" in intro
