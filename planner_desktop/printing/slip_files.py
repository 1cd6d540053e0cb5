"""Writing 督办单 and 催办通知 files and recording them: what the 督办 menu and the ``slips``
and ``reminders`` commands call.

Every file of one issue is written to a temporary file first; only when all of them are
complete are they moved into place (an ``ExitStack`` of ``atomic_file``), inside the
transaction that records the papers, so a folder that cannot be written leaves no file and
no record behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from planner_desktop.domain.status import Light
from planner_desktop.domain.supervision import Notice, Slip, notice_text
from planner_desktop.errors import UserFixableError
from planner_desktop.files.atomic import atomic_file
from planner_desktop.i18n import tr
from planner_desktop.ops.slips import (
    NoticesIssued,
    SlipPlan,
    SlipsIssued,
    plan_notices,
    plan_slips,
    record_notices,
    record_slips,
)
from planner_desktop.printing.report_files import ensure_qt
from planner_desktop.printing.slip_pdf import Block, notice_blocks, slip_blocks, write_papers_pdf
from planner_desktop.store.database import Ledger

FORMATS = ("docx", "pdf")
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def safe_name(text: str) -> str:
    return _UNSAFE.sub("_", text).strip("_") or "unit"


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip().lower().lstrip(".") for f in formats if f.strip()))
    wrong = [f for f in chosen if f not in FORMATS]
    if wrong or not chosen:
        raise UserFixableError(tr("文件格式“{f}”不支持，请写 docx、pdf 或 docx,pdf。").format(
            f="、".join(wrong) or "—"))
    return chosen


def _write_all(out_dir: Path, groups: list[tuple[str, list[int]]], formats: Sequence[str],
               one_pdf: str | None, build_docx: Callable[[list[int]], object],
               blocks: Callable[[list[int]], list[list[Block]]], title: str
               ) -> tuple[dict[int, Path], list[Path]]:
    """Write each group's files (and, with ``one_pdf``, one PDF of every paper) all or none;
    returns the paper index → the file it is in (the PDF when there is one)."""
    ensure_qt()
    where: dict[int, Path] = {}
    jobs: list[tuple[Path, str, list[int]]] = []
    for stem, indexes in groups:
        for fmt in formats:
            if fmt == "pdf" and one_pdf:
                continue
            jobs.append((out_dir / f"{stem}.{fmt}", fmt, indexes))
    if one_pdf and "pdf" in formats:
        jobs.append((out_dir / f"{one_pdf}.pdf", "pdf", [i for _, ix in groups for i in ix]))
    new = [path for path, _, _ in jobs if not path.exists()]
    try:
        _write_jobs(jobs, where, build_docx, blocks, title)
    except BaseException:
        for path in new:  # moved into place before a later file failed: the issue is all or none
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return where, [path for path, _, _ in jobs]


def _write_jobs(jobs, where: dict[int, Path], build_docx, blocks, title: str) -> None:
    with contextlib.ExitStack() as stack:
        for path, fmt, indexes in jobs:
            temp = stack.enter_context(atomic_file(path, f".{fmt}"))
            if fmt == "docx":
                build_docx(indexes).save(str(temp))
            else:
                write_papers_pdf(temp, blocks(indexes), title)
            for index in indexes:
                if fmt == "pdf" or index not in where:
                    where[index] = path


def _by_unit(names: list[str]) -> list[tuple[str, list[int]]]:
    groups: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        groups.setdefault(name, []).append(index)
    return list(groups.items())


def slip_writer(out_dir: Path, formats: Sequence[str], one_pdf: bool):
    from planner_desktop.exchange.slip_docx import build_slips_docx  # python-docx on demand

    def write(slips: list[Slip]) -> tuple[dict[int, Path], list[Path]]:
        first = slips[0]
        groups = [(tr("督办单_{unit}_{year}-{n}").format(unit=safe_name(name), year=slips[ix[0]].year,
                                                     n=slips[ix[0]].number), ix)
                  for name, ix in _by_unit([s.unit.name for s in slips])]
        joined = tr("督办单_{year}-{a}至{b}").format(year=first.year, a=first.number, b=slips[-1].number)
        return _write_all(out_dir, groups, formats, joined if one_pdf else None,
                          lambda ix: build_slips_docx([slips[i] for i in ix]),
                          lambda ix: [slip_blocks(slips[i]) for i in ix], tr("督办单"))

    return write


def _checked_dir(out: Path | str) -> Path:
    out_dir = Path(out).expanduser().resolve()
    if out_dir.exists() and not out_dir.is_dir():
        raise UserFixableError(tr("“{path}”不是文件夹，请选择保存督办文件的文件夹。").format(path=out_dir))
    return out_dir


def issue_slips(ledger: Ledger, out: Path | str, *, item_ids: Iterable[int] | None = None,
                lights: Iterable[Light] | None = None, unit: str | None = None,
                requirement: str | None = None, formats: Iterable[str] = FORMATS,
                one_pdf: bool = False, today: dt.date | None = None,
                plan: SlipPlan | None = None) -> SlipsIssued:
    chosen = check_formats(formats)
    out_dir = _checked_dir(out)
    plan = plan or plan_slips(ledger, item_ids=item_ids, lights=lights, unit=unit,
                              requirement=requirement, today=today)
    return record_slips(ledger, plan, slip_writer(out_dir, chosen, one_pdf))


def issue_notices(ledger: Ledger, out: Path | str, plan_id: int, period: str, *,
                  new_due: dt.date | None = None, formats: Iterable[str] = FORMATS,
                  text_file: bool = False, today: dt.date | None = None,
                  notices: list[Notice] | None = None) -> NoticesIssued:
    """The notices of a period (or those the clerk kept of them, ``notices``), written and
    recorded together."""
    from planner_desktop.exchange.slip_docx import build_notices_docx

    chosen = check_formats(formats)
    out_dir = _checked_dir(out)
    notices = notices or plan_notices(ledger, plan_id, period, new_due, today)
    text = "\n\n".join(notice_text(n) for n in notices)

    def write(found: list[Notice]) -> tuple[dict[int, Path], list[Path]]:
        stem = tr("催办通知_{period}").format(period=safe_name(found[0].period_key))
        groups = [(f"{stem}_{safe_name(n.unit.name)}", [i]) for i, n in enumerate(found)]
        where, paths = _write_all(out_dir, groups, chosen, stem,
                           lambda ix: build_notices_docx([found[i] for i in ix]),
                           lambda ix: [notice_blocks(found[i]) for i in ix], tr("催办通知"))
        if text_file:
            path = out_dir / f"{stem}.txt"
            with atomic_file(path, ".txt") as temp:
                temp.write_text(text + "\n", "utf-8")
            paths.append(path)
        return where, paths

    return record_notices(ledger, notices, write, text)
