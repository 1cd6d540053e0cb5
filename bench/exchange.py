"""Fill-in workbooks at a county's size: 300 schools × 50 rows out, filled in, and back in.

    .venv/bin/python -m bench.exchange [--schools 300] [--rows 50]

Prints, from one run: our export of one formatted, protected, validated workbook per school;
a plain openpyxl write and a plain xlsxwriter write of the same rows to as many files (the
references); and our import of the returned folder (read, match, preview, commit). Target:
export and import each within 5 s. The last line is the JSON result of every bench script.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import xlsxwriter

from bench.big_ledger import build_big_ledger
from planner_desktop.exchange.fillin_layout import COLUMNS
from planner_desktop.ops.fillin.commit import commit_returns
from planner_desktop.ops.fillin.export import export_fillin
from planner_desktop.ops.fillin.returns import preview_returns
from planner_desktop.store.fillin import fetch_fillin_sheets

PERIOD = "2026年第4季度"


def plain_openpyxl(folder: Path, sheets) -> float:
    started = time.perf_counter()
    for n, sheet in enumerate(sheets):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append([c.header for c in COLUMNS])
        for row in sheet.rows:
            ws.append([1, row.code, row.title, row.measure, row.role, row.deadline, row.last_status,
                       row.last_progress, "", "", "", "", "", "", "", "", str(row.assignment_id)])
        wb.save(folder / f"openpyxl_{n}.xlsx")
    return time.perf_counter() - started


def plain_xlsxwriter(folder: Path, sheets) -> float:
    started = time.perf_counter()
    for n, sheet in enumerate(sheets):
        wb = xlsxwriter.Workbook(str(folder / f"xlsxwriter_{n}.xlsx"), {"in_memory": True})
        ws = wb.add_worksheet()
        ws.write_row(0, 0, [c.header for c in COLUMNS])
        for r, row in enumerate(sheet.rows, start=1):
            ws.write_row(r, 0, [1, row.code, row.title, row.measure, row.role, row.deadline,
                                row.last_status, row.last_progress or 0, "", "", "", "", "", "", "",
                                "", str(row.assignment_id)])
        wb.close()
    return time.perf_counter() - started


def fill_returns(sent: list[Path], folder: Path) -> None:
    """Each school fills every row in Excel's way (openpyxl opens and saves the file)."""
    words = ("推进中", "已完成", "完成", "正在推进", "")
    for n, path in enumerate(sent):
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        columns = {c.value: c.column for c in ws[3]}
        for r in range(4, ws.max_row + 1):
            ws.cell(r, columns["状态"]).value = words[(n + r) % len(words)]
            ws.cell(r, columns["完成进度%"]).value = (n * 7 + r) % 101
            note = f"第{r - 3}项：本季度已按计划推进，召开推进会{r % 4 + 1}次。"
            ws.cell(r, columns["进展情况"]).value = note
        wb.save(folder / path.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=300)
    parser.add_argument("--rows", type=int, default=50, help="rows per school (items in the plan)")
    parser.add_argument("--keep", type=Path, help="keep the ledger and files in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-exchange-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        ledger_file = folder / f"ledger_{args.rows}.sqlite"
        ledger = build_big_ledger(ledger_file, assignments_wanted=args.rows * 302)
        plan = ledger.scalar("SELECT min(id) FROM plan")
        schools = [r[0] for r in ledger.conn.execute(
            "SELECT id FROM unit WHERE kind = '学校' ORDER BY id LIMIT ?", (args.schools,))]
        sheets = [s for s in fetch_fillin_sheets(ledger, plan, schools) if s.rows]
        sent = folder / "sent"
        shutil.rmtree(sent, ignore_errors=True)

        started = time.perf_counter()
        result = export_fillin(ledger, plan, PERIOD, sent, unit_ids=schools)
        export_s = time.perf_counter() - started

        refs_folder = folder / "refs"
        refs_folder.mkdir(exist_ok=True)
        openpyxl_s = plain_openpyxl(refs_folder, sheets)
        xlsxwriter_s = plain_xlsxwriter(refs_folder, sheets)

        returned = folder / "returned"
        shutil.rmtree(returned, ignore_errors=True)
        returned.mkdir()
        fill_returns(result.files, returned)
        started = time.perf_counter()
        preview = preview_returns(ledger, [returned])
        preview_s = time.perf_counter() - started
        batches = commit_returns(ledger, preview)
        import_s = time.perf_counter() - started
        updated = preview.to_json()["updated"]
        ledger.close()
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)

    print(f"{result.units} workbooks × {args.rows} rows ({result.rows} rows):", file=sys.stderr)
    print(f"  ours: export (formatted, protected, validated) {export_s:6.2f} s", file=sys.stderr)
    print(f"  plain openpyxl write of the same rows        {openpyxl_s:6.2f} s", file=sys.stderr)
    print(f"  plain xlsxwriter write of the same rows      {xlsxwriter_s:6.2f} s", file=sys.stderr)
    print(f"  ours: import of the returned folder          {import_s:6.2f} s "
          f"(read + match + preview {preview_s:.2f} s; {len(batches)} batches, {updated} rows updated)",
          file=sys.stderr)
    refs = {"openpyxl_plain_write": round(openpyxl_s, 3), "xlsxwriter_plain_write": round(xlsxwriter_s, 3),
            "ours_import_s": round(import_s, 3)}
    print(json.dumps({"bench": "exchange", "ours_s": round(export_s, 3), "refs_s": refs,
                      "target": "300 fill-in workbooks written within 5 s, and imported back within 5 s",
                      "met": export_s < 5 and import_s < 5}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
