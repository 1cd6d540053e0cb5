"""The 工作总结初稿 from a ledger built from a sample plan and its task list: progress notes
recorded in and out of the period, the .docx written and read back with python-docx, the
page as GB/T 9704 sets it, LibreOffice's PDF of it, the command's JSON, and bad input."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm

from planner_desktop.cli.main import run
from planner_desktop.domain.ledger_table import count_summary, leaf_items
from planner_desktop.domain.status import Status
from planner_desktop.domain.summary import summary_text
from planner_desktop.ops.ledger_query import load_snapshot
from planner_desktop.ops.summary import draft_summary, make_summary
from planner_desktop.store.assignments import StatusChange, record_status_changes
from planner_desktop.store.database import open_ledger
from planner_desktop.store.ledger_rows import fetch_assignments, fetch_items
from tests.support.fixtures_sheets import soffice_convert

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DOCUMENT = SAMPLES / "plans" / "001_autonumbered.docx"
TASK_LIST = SAMPLES / "tasklists" / "2020_tasklist_merged.xlsx"
LATER = dt.date(2020, 12, 1)  # the day the clerk drafts from


def cli(capsys, db: Path, *args: str) -> tuple[int, dict]:
    code = run(["--db", str(db), *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else {}


@pytest.fixture(scope="module")
def sample_ledger(tmp_path_factory) -> Path:
    """The sample plan document joined by its task list (sections, items, units), written
    once per module through the real commands."""
    db = tmp_path_factory.mktemp("summary") / "base.sqlite"
    assert run(["--db", str(db), "import-plan", str(DOCUMENT)]) == 0
    assert run(["--db", str(db), "import-tasks", str(TASK_LIST)]) == 0
    return db


class Recorded:
    """What the test wrote into the ledger, to check the draft against."""

    def __init__(self, db: Path) -> None:
        self.db = db
        ledger = open_ledger(db, daily_backup=False)
        try:
            items = {i.id: i for i in fetch_items(ledger, 1)}
            parents = {i.parent_id for i in items.values()}
            by_item: dict[int, list] = {}
            for a in fetch_assignments(ledger, 1):
                if a.item_id not in parents:
                    by_item.setdefault(a.item_id, []).append(a)
            shared = next(v for v in by_item.values() if len(v) >= 2)
            sharing = {a.unit_name for a in shared}
            singles = [v[0] for v in by_item.values() if len(v) == 1 and v[0].item_id != shared[0].item_id]
            alone = next(a for a in singles[2:] if a.unit_name not in sharing)
            singles = [*singles[:2], alone]
            self.done_item, self.late_done_item, self.noted_item = (items[a.item_id] for a in singles[:3])
            self.shared_item = items[shared[0].item_id]
            self.unit = singles[2].unit_name

            def change(assignment, status, progress, note, at):
                return StatusChange(assignment.id, status, progress, note, at=at)

            going, done = Status.IN_PROGRESS, Status.DONE
            changes = [
                # in the period: the same words from two units, a finished item, progress
                change(shared[0], going, 40, "已召开专题会议部署。", "2020-03-10 09:00:00"),
                change(shared[1], going, 30, "已召开专题会议部署。", "2020-03-12 09:00:00"),
                change(singles[0], going, 50, "完成方案起草。", "2020-04-01 10:00:00"),
                change(singles[0], done, 100, "方案已印发执行。", "2020-06-15 10:00:00"),
                change(singles[1], going, 60, "上半年推进过半。", "2020-05-20 10:00:00"),
                change(singles[2], going, 20, "已摸排底数。", "2020-02-01 10:00:00"),
                # outside it: before, and after (an item finished in July)
                change(singles[2], going, 10, "期前的进展。", "2019-12-31 10:00:00"),
                change(singles[1], done, 100, "期后才完成。", "2020-07-02 10:00:00"),
            ]
            record_status_changes(ledger, changes)
            self.targets = ledger.scalar("SELECT count(*) FROM target t JOIN plan_item i ON i.id = t.item_id "
                                         "WHERE i.plan_id = 1")
            self.sections = [i.title for i in sorted(items.values(), key=lambda i: i.position)
                             if i.level == 1]
        finally:
            ledger.close()


@pytest.fixture
def recorded(sample_ledger, tmp_path) -> Recorded:
    db = tmp_path / "ledger.sqlite"
    shutil.copyfile(sample_ledger, db)
    return Recorded(db)


def texts(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs if p.text.strip()]


def test_the_draft_follows_the_plan_and_the_notes_of_the_period(recorded, tmp_path):
    ledger = open_ledger(recorded.db, daily_backup=False)
    try:
        out = tmp_path / "总结.docx"
        written = make_summary(ledger, 1, "H1", out, today=LATER)
    finally:
        ledger.close()
    paragraphs = texts(out)
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    numbers = "一二三四五六七八九十"
    assert headings[:-2] == [f"{numbers[i]}、{title}" for i, title in enumerate(recorded.sections)]
    assert headings[-2:] == ["十、存在的问题", "十一、下一步工作打算"]
    assert (paragraphs[0][0], paragraphs[0][1].replace("\n", "")) == ("Title", written.draft.title)
    assert written.draft.title.endswith("2020年上半年工作总结（初稿）")
    body = "\n".join(text for _, text in paragraphs)
    # nothing from outside the period; the words two units wrote said once, both named
    assert "期前的进展" not in body and "期后才完成" not in body
    assert body.count("已召开专题会议部署。") == 1
    # the item finished in the period is written once, with its result; the one finished in
    # July is not counted as done in a half-year summary
    assert sum(recorded.done_item.title in text for _, text in paragraphs) == 1
    assert "方案已印发执行。该项工作已完成。" in body
    assert written.draft.done == 1
    opening = paragraphs[1][1]
    assert f"共{written.draft.total}项，已完成1项" in opening
    assert f"量化指标{recorded.targets}项，已达成0项" in opening  # no figure reported
    assert recorded.late_done_item.title.rstrip("。") in body.split("十一、下一步工作打算")[1]


def test_the_opening_figures_are_the_ledgers_counts(recorded, tmp_path):
    ledger = open_ledger(recorded.db, daily_backup=False)
    try:
        draft = draft_summary(ledger, 1, "year", today=LATER)
        counts = count_summary(leaf_items(r for r in load_snapshot(ledger, LATER).items if r.plan_id == 1))
    finally:
        ledger.close()
    assert (draft.total, draft.done) == (counts["total"], counts["done"]) == (counts["total"], 2)
    rate = f"{draft.done / draft.total * 100:.1f}%"
    assert f"共{counts['total']}项，已完成{counts['done']}项，完成率{rate}" in draft.opening
    assert "期后才完成" in summary_text(draft)  # July is in the year


def test_page_and_type_as_gbt_9704(recorded, tmp_path):
    ledger = open_ledger(recorded.db, daily_backup=False)
    try:
        out = make_summary(ledger, 1, "H1", tmp_path / "s.docx", today=LATER).file
    finally:
        ledger.close()
    doc = Document(str(out))
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    for side, mm in (("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)):
        assert abs(getattr(section, side) - Mm(mm)) < Mm(0.5), side
    styles = doc.styles
    fonts = {name: styles[name].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
        for name in ("Normal", "Heading 1", "Heading 2", "Title")}
    assert fonts == {"Normal": "仿宋", "Heading 1": "黑体", "Heading 2": "楷体", "Title": "方正小标宋简体"}
    assert styles["Normal"].font.size.pt == 16 and styles["Title"].font.size.pt == 22
    assert styles["Normal"].paragraph_format.line_spacing.pt == pytest.approx(28.95, abs=0.05)
    assert any(p.style.name == "Heading 2" for p in doc.paragraphs)
    assert len(doc.tables) == 1 and doc.tables[0].rows[0].cells[1].text == "单位"
    # no text boxes: every word is in a paragraph or the annex table
    assert b"txbx" not in Path(out).read_bytes()


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or pdftotext not installed")
def test_libreoffice_opens_it_and_the_pdf_has_the_chinese_title(recorded, tmp_path):
    ledger = open_ledger(recorded.db, daily_backup=False)
    try:
        written = make_summary(ledger, 1, "H1", tmp_path / "summary.docx", today=LATER)
    finally:
        ledger.close()
    pdf = soffice_convert([written.file], ["pdf"], tmp_path / "out")["pdf"] / "summary.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = unicodedata.normalize("NFKC", "".join(text.split()))  # CJK radicals as their characters
    assert unicodedata.normalize("NFKC", written.draft.title) in flat
    assert "存在的问题" in flat and "各单位任务完成情况统计表" in flat


def test_one_units_own_summary(recorded, tmp_path, capsys):
    out = tmp_path / "股室.docx"
    code, answer = cli(capsys, recorded.db, "summary", "--plan", "1", "--period", "year", "--unit",
                       recorded.unit, "--out", str(out), "--as-of", LATER.isoformat())
    assert code == 0, answer
    assert answer["unit"] == recorded.unit and answer["title"].startswith(recorded.unit)
    body = "\n".join(text for _, text in texts(out))
    assert "已摸排底数。" in body and "已召开专题会议部署" not in body  # another unit's words


def test_the_command_json_and_plain_text(recorded, tmp_path, capsys):
    out, text = tmp_path / "s.docx", tmp_path / "s.txt"
    code, answer = cli(capsys, recorded.db, "summary", "--plan", "1", "--period", "2020-01-01:2020-06-30",
                       "--out", str(out), "--text", str(text), "--as-of", LATER.isoformat())
    assert code == 0, answer
    for key in ("plan_id", "title", "start", "end", "items", "done", "rate", "targets", "notes", "sections",
                "file"):
        assert key in answer
    assert answer["file"] == str(out) and answer["done"] == 1 and answer["notes"] == 6
    assert answer["title"].endswith("2020年1月1日至6月30日工作总结（初稿）")
    plain = text.read_text("utf-8")
    docx_lines = [t for _, t in texts(out)]
    assert plain.splitlines()[0] == docx_lines[0].replace("\n", "")
    assert all(h in plain for h in answer["sections"])


def test_bad_input_writes_nothing(recorded, tmp_path, capsys):
    out = tmp_path / "旧总结.docx"
    out.write_bytes(b"the clerk's earlier draft")
    code, error = cli(capsys, recorded.db, "summary", "--plan", "1", "--period", "2020-08-01:2020-08-31",
                      "--out", str(out))
    assert code == 1 and "没有记录任何进展情况" in error["error"]
    assert out.read_bytes() == b"the clerk's earlier draft"
    code, error = cli(capsys, recorded.db, "summary", "--plan", "1", "--period", "Q5", "--out", str(out))
    assert code == 1 and "无法识别的总结时段" in error["error"]
    code, error = cli(capsys, recorded.db, "summary", "--plan", "9", "--period", "H1", "--out", str(out))
    assert code == 1 and "编号为 9 的计划" in error["error"]
    code, error = cli(capsys, recorded.db, "summary", "--plan", "1", "--period", "2020-06-30:2020-01-01",
                      "--out", str(out))
    assert code == 1 and "早于起始日期" in error["error"]
    code, error = cli(capsys, recorded.db, "summary", "--plan", "1", "--period", "H1", "--out",
                      str(tmp_path / "s.pdf"))
    assert code == 1 and ".docx" in error["error"] and not (tmp_path / "s.pdf").exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_problems_name_the_reasons_recorded(recorded, tmp_path):
    from planner_desktop.store.editing import grant_extension

    ledger = open_ledger(recorded.db, daily_backup=False)
    try:
        items = {i.id: i for i in fetch_items(ledger, 1)}
        late = next(a for a in fetch_assignments(ledger, 1)
                    if items[a.item_id].due and items[a.item_id].due < dt.date(2020, 9, 1)
                    and a.item_id not in {recorded.done_item.id, recorded.late_done_item.id}
                    and not any(i.parent_id == a.item_id for i in items.values()))
        record_status_changes(ledger, [StatusChange(late.id, Status.IN_PROGRESS, 30, "施工单位进场延迟。",
                                                    at="2020-08-20 10:00:00")])
        grant_extension(ledger, late.id, dt.date(2020, 10, 31), "资金未到位")
        draft = draft_summary(ledger, 1, "year", today=LATER)
    finally:
        ledger.close()
    text = summary_text(draft)
    problems = text.split("存在的问题")[1].split("下一步工作打算")[0]
    line = next(line for line in problems.splitlines() if items[late.item_id].title.rstrip("。") in line)
    due = items[late.item_id].due  # the item's own deadline, as the ledger shows the item
    assert f"已逾期（完成时限{due.year}年{due.month}月{due.day}日）" in line
    assert f"{late.unit_name}申请延期，延期至2020年10月31日，理由：资金未到位" in line
    assert "最新进展：施工单位进场延迟" in line
