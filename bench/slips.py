"""督办单 for 300 units in one PDF, beside Qt writing the same text as plain paragraphs.

The ledger, built through the program's own store: 300 schools, 300 items each led by one
school (a supporting school beside it), all overdue on the issue day, so the 红灯 issue makes
one slip per school. Measured in one run:
* ours: ``issue_slips`` for the red lights into one PDF, as ``slips issue --light red
  --one-pdf --format pdf`` does: the items read and their lights derived, the numbers taken,
  the slips laid out and drawn, the file checked and moved into place, the slips recorded;
* reference: Qt's QTextDocument printing the same slips' text, each a page of plain
  paragraphs, to a QPdfWriter.
Target: under 5 s.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner_desktop.domain.deadlines import parse_deadline  # noqa: E402
from planner_desktop.domain.model import ItemDraft, PlanDraft  # noqa: E402
from planner_desktop.domain.status import Light  # noqa: E402
from planner_desktop.domain.supervision import slip_fields  # noqa: E402
from planner_desktop.domain.units import Role, RosterUnit, UnitKind, UnitMention  # noqa: E402
from planner_desktop.printing.report_files import ensure_qt  # noqa: E402
from planner_desktop.printing.slip_files import issue_slips  # noqa: E402
from planner_desktop.store.database import Ledger, open_ledger  # noqa: E402
from planner_desktop.store.plans import create_plan  # noqa: E402
from planner_desktop.store.units import import_roster  # noqa: E402

TODAY = dt.date(2026, 11, 30)
UNITS = 300
SCHOOLS = [f"青溪县第{i + 1}中心小学" for i in range(UNITS)]
TARGET = 5.0


def build_ledger(path: Path) -> Ledger:
    ledger = open_ledger(path, daily_backup=False)
    import_roster(ledger, [RosterUnit(name, UnitKind.SCHOOL, contact=f"联系人{i}", phone=f"0599-61{i:05d}")
                           for i, name in enumerate(SCHOOLS)], {}, [])
    items = [ItemDraft(code=f"{n + 1}.", title=f"完成校园安全隐患排查整治第{n + 1}批",
                       text="对照校园安全隐患排查清单，逐项整改到位，建立整改台账，确保师生安全。",
                       deadline=parse_deadline(f"{1 + n % 9}月底前", 2026),
                       units=(UnitMention(SCHOOLS[n], Role.LEAD),
                              UnitMention(SCHOOLS[(n + 1) % UNITS], Role.SUPPORT)))
             for n in range(UNITS)]
    create_plan(ledger, PlanDraft("青溪县教育局2026年工作要点", 2026, issuer="青溪县教育局",
                                  items=[ItemDraft(code="一、", title="校园安全", children=items)]),
                batch_kind="tasks")
    return ledger


def plain_pdf(pages: list[str], path: Path) -> float:
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    start = time.perf_counter()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.A4))
    doc = QTextDocument()
    doc.setHtml("".join(f"<div style='page-break-after:always'>{page}</div>" for page in pages))
    doc.print_(writer)
    del writer
    return time.perf_counter() - start


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-slips-"))
    ensure_qt()
    from planner_desktop.printing.fonts import report_family

    report_family()  # the font registered once, outside both measures
    ledger = build_ledger(folder / "ledger.sqlite")
    start = time.perf_counter()
    issued = issue_slips(ledger, folder / "out", lights={Light.RED}, formats=["pdf"], one_pdf=True,
                         today=TODAY)
    ours = time.perf_counter() - start
    ledger.close()
    units = len({s.unit.name for s in issued.slips})
    pages = ["<br>".join([s.label, *(f"{label}：{value}" for label, value in slip_fields(s))])
             for s in issued.slips]
    refs = {"qt_text_document_plain_paragraphs": round(plain_pdf(pages, folder / "plain.pdf"), 3)}
    print(f"{len(issued.slips)} slips to {units} units in {issued.files[0].name}: {ours:.2f} s",
          file=sys.stderr)
    print(json.dumps({"bench": "slips", "ours_s": round(ours, 3), "refs_s": refs,
                      "target": f"< {TARGET:g} s for {UNITS} units in one PDF",
                      "met": ours < TARGET and units == UNITS}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
