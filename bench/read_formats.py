"""How long reading a 5,000-row task list takes: our reader beside the libraries it could use.

Generates a 5,000-row × 10-column .xlsx (merged category cells, dates, a hidden row and
column), converts it to .xls and .ods with LibreOffice when ``soffice`` is installed, and times
(best of N runs, in the same process and the same run; ours and calamine take turns):

* ``read_workbook`` (ours: values, merges, hidden rows/columns, error cells, texts);
* python-calamine's plain read (values + merged ranges, no conversion to text);
* openpyxl (normal and read-only) on the .xlsx, xlrd (with and without formatting_info) on
  the .xls.

Target (DESIGN.md: an import within 2× of a plain calamine read): our .xlsx read within
2× of calamine's. Ends with one JSON line as every bench script does.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from python_calamine import CalamineWorkbook  # noqa: E402

from bench.references import best_of, best_of_each  # noqa: E402
from planner_desktop.exchange.readers import read_workbook  # noqa: E402
from tests.support.fixtures_sheets import soffice_convert, write_task_list_xlsx  # noqa: E402


def calamine_plain(path: Path) -> list[tuple[list[list], list | None]]:
    """What python-calamine reads of every sheet (values and merged ranges), returned, as a
    program using it holds it."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    sheets = []
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        sheets.append((sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges))
    return sheets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-soffice", action="store_true", help="skip .xls and .ods")
    args = parser.parse_args()

    import openpyxl
    import xlrd

    folder = Path(tempfile.mkdtemp(prefix="bench-read-"))
    try:
        xlsx = write_task_list_xlsx(folder / "tasks.xlsx", rows=args.rows)
        files = {"xlsx": xlsx}
        if not args.no_soffice and shutil.which("soffice"):
            out = soffice_convert([xlsx], ["xls", "ods"], folder / "out")
            for fmt in ("xls", "ods"):
                if (out[fmt] / f"tasks.{fmt}").exists():
                    files[fmt] = out[fmt] / f"tasks.{fmt}"
        results: dict[str, float] = {}
        for fmt, path in files.items():
            read_workbook(path)  # warm caches (imports, compiled patterns, the file)
            # Taking turns, so that both see the same moments of a busy machine.
            timings = best_of_each(args.runs, {"ours": lambda p=path: read_workbook(p),
                                               "calamine": lambda p=path: calamine_plain(p)})
            results[f"ours_{fmt}"], results[f"calamine_{fmt}"] = \
                timings["ours"], timings["calamine"]
        results["openpyxl_xlsx"] = best_of(2, lambda: openpyxl.load_workbook(xlsx))
        results["openpyxl_readonly_xlsx"] = best_of(2, lambda: [
            list(ws.values) for ws in openpyxl.load_workbook(xlsx, read_only=True)])
        if "xls" in files:
            results["xlrd_xls"] = best_of(3, lambda: xlrd.open_workbook(str(files["xls"])))
            results["xlrd_formatting_xls"] = best_of(3, lambda: xlrd.open_workbook(
                str(files["xls"]), formatting_info=True))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    for name, seconds in results.items():
        print(f"{name:26s} {seconds * 1000:8.1f} ms", file=sys.stderr)
    ours = results["ours_xlsx"]
    refs = {k: round(v, 4) for k, v in results.items() if k != "ours_xlsx"}
    print(json.dumps({"bench": "read_formats", "ours_s": round(ours, 4), "refs_s": refs,
                      "target": f"{args.rows}-row xlsx read within 2x of a plain calamine read",
                      "met": ours <= 2 * results["calamine_xlsx"]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
