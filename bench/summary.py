"""The 工作总结初稿 of a big ledger, beside python-docx writing as many plain paragraphs.

The ledger, built through the program's own store: 50 sections; 10 parts × 5 second-level
headings × 20 items (1,000 leaf items), each with a lead and a supporting section (2,000
assignments) and a target in its text; 20,000 progress notes spread over the year. Measured
in one run:
* ours: drafting the year's summary and the half-year's (states as of 30 June, read back from
  the history) and writing each .docx, as ``summary`` does: the slower of the two;
* reference: python-docx writing the same number of plain paragraphs (the same texts) to a
  .docx with its default template, no styles touched.
Target: under 3 s.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner_desktop.domain.deadlines import parse_deadline  # noqa: E402
from planner_desktop.domain.model import ItemDraft, PlanDraft  # noqa: E402
from planner_desktop.domain.status import Status  # noqa: E402
from planner_desktop.domain.summary import Heading  # noqa: E402
from planner_desktop.domain.targets import find_targets  # noqa: E402
from planner_desktop.domain.units import Role, RosterUnit, UnitKind, UnitMention  # noqa: E402
from planner_desktop.ops.summary import draft_summary, write_summary  # noqa: E402
from planner_desktop.store.assignments import StatusChange, record_status_changes  # noqa: E402
from planner_desktop.store.database import Ledger, open_ledger  # noqa: E402
from planner_desktop.store.plans import create_plan  # noqa: E402
from planner_desktop.store.units import import_roster  # noqa: E402

TODAY = dt.date(2026, 12, 1)
SECTIONS = [f"第{i + 1}股" for i in range(50)]
WORDS = ("安全", "教研", "督导", "资助", "招生", "德育", "体育", "艺术", "信息化", "师资")
NOTES = ("已召开专题会议研究部署，制定工作方案", "已完成前期调研和摸底，相关工作有序推进",
         "已印发实施方案，组织各校开展自查", "已完成阶段性任务，剩余工作正在推进",
         "受项目审批进度影响，尚未完成，已申请协调推进")
TARGET = 3.0


def build_ledger(path: Path, notes: int = 20_000) -> Ledger:
    ledger = open_ledger(path, daily_backup=False)
    rnd = random.Random(20)
    import_roster(ledger, [RosterUnit(name, UnitKind.SECTION) for name in SECTIONS], {}, [])
    parts = []
    n = 0
    for p in range(10):
        headings = []
        for h in range(5):
            items = []
            for i in range(20):
                word = WORDS[(p + h + i) % len(WORDS)]
                text = f"加强{word}工作，全年完成率达到{80 + i % 20}%，新建功能室{1 + i % 9}间。"
                items.append(ItemDraft(
                    code=f"{i + 1}.", title=f"推进{word}重点任务{n + 1}", text=text,
                    deadline=parse_deadline(f"{1 + n % 12}月底前", 2026), targets=tuple(find_targets(text)),
                    units=(UnitMention(SECTIONS[n % 50], Role.LEAD),
                           UnitMention(SECTIONS[(n + 17) % 50], Role.SUPPORT))))
                n += 1
            headings.append(ItemDraft(code=f"（{h + 1}）", title=f"第{p + 1}部分第{h + 1}方面",
                                      children=items))
        parts.append(ItemDraft(code=f"{p + 1}、", title=f"第{p + 1}部分重点工作", children=headings))
    create_plan(ledger, PlanDraft("某县教育局2026年工作要点", 2026, issuer="某县教育局", items=parts),
                batch_kind="tasks")
    ids = [r[0] for r in ledger.conn.execute("SELECT id FROM assignment").fetchall()]
    changes = []
    for k in range(notes):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rnd.randint(0, 329))
        status = Status.DONE if rnd.random() < 0.1 else Status.IN_PROGRESS
        changes.append(StatusChange(rnd.choice(ids), status, rnd.randint(10, 100),
                                    f"{rnd.choice(NOTES)}（第{k % 40 + 1}批）。",
                                    at=f"{day.isoformat()} 10:{k % 60:02d}:00"))
    changes.sort(key=lambda c: c.at or "")
    record_status_changes(ledger, changes)
    return ledger


def plain_paragraphs(texts: list[str], path: Path) -> float:
    from docx import Document

    start = time.perf_counter()
    doc = Document()
    for text in texts:
        doc.add_paragraph(text)
    doc.save(str(path))
    return time.perf_counter() - start


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-summary-"))
    started = time.perf_counter()
    ledger = build_ledger(folder / "ledger.sqlite")
    built = time.perf_counter() - started
    import docx  # noqa: F401  (the import is not part of either measure)

    timings = {}
    draft = None
    for period in ("year", "H1"):
        start = time.perf_counter()
        draft = draft_summary(ledger, 1, period, today=TODAY)
        drafted = time.perf_counter() - start
        write_summary(draft, folder / f"summary-{period}.docx")
        timings[period] = (drafted, time.perf_counter() - start)
        print(f"{period}: {draft.total} items, {draft.notes} notes, {len(draft.blocks)} blocks: "
              f"drafted {drafted:.2f} s, with the .docx {timings[period][1]:.2f} s", file=sys.stderr)
    ledger.close()
    year = timings["year"]
    assert draft is not None
    draft_texts = [draft.title, draft.opening, *(b.text for b in draft.blocks)]
    draft_texts += [" ".join(map(str, (u.rank, u.unit, u.total, u.done))) for u in draft.annex]
    refs = {"python_docx_plain_paragraphs": round(plain_paragraphs(draft_texts, folder / "plain.docx"), 3)}
    ours = max(total for _drafted, total in timings.values())
    print(f"ledger built in {built:.1f} s; {sum(isinstance(b, Heading) for b in draft.blocks)} headings, "
          f"{len(draft_texts)} paragraphs; year {year[1]:.2f} s", file=sys.stderr)
    print(json.dumps({"bench": "summary", "ours_s": round(ours, 3), "refs_s": refs,
                      "target": f"< {TARGET:g} s for 1,000 items × 50 units, 20,000 notes",
                      "met": ours < TARGET}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
