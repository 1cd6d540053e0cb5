"""The demo ledger written once per test process and date, then copied into each test's ledger.

Writing the demo (roster, plan, a year of status history) takes a few tenths of a second; the
main window's fixture and many tests start from it. :class:`DemoTemplates` writes it once per
date asked for, keeping two copies: the ledger as it is just after ``create_demo_ledger``
(copied into an open test ledger with SQLite's backup API: same rows, same ids) and the file as
closing that ledger leaves it (with the query planner's statistics ``PRAGMA optimize`` adds).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from planner_desktop.ops.demo import DemoCreated, create_demo_ledger
from planner_desktop.store.database import Ledger, open_ledger


class DemoTemplates:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[dt.date, tuple[Path, Path, DemoCreated]] = {}

    def template(self, today: dt.date) -> tuple[Path, Path, DemoCreated]:
        """The demo for ``today`` (written the first time): the open ledger's copy, the closed
        file, and what writing it made."""
        if today not in self.made:
            written = self.folder / f"demo-{today.isoformat()}.sqlite"
            just_written = self.folder / f"demo-{today.isoformat()}-open.sqlite"
            ledger = open_ledger(written, daily_backup=False)
            created = create_demo_ledger(ledger, today=today)
            with contextlib.closing(sqlite3.connect(just_written)) as copy:
                ledger.conn.backup(copy)
            ledger.close()
            self.made[today] = (just_written, written, created)
        return self.made[today]

    def copy_into(self, ledger: Ledger, today: dt.date | None = None) -> DemoCreated:
        """What ``create_demo_ledger(ledger, today)`` does to a new ledger, by copying."""
        just_written, _, created = self.template(today or dt.date.today())
        assert ledger.is_empty(), "the demo is copied into a new ledger only"
        with ledger.transaction():
            pass  # the first write's hook (the daily backup) runs as it does for the demo
        with contextlib.closing(sqlite3.connect(f"{just_written.as_uri()}?mode=ro", uri=True)) as source:
            source.backup(ledger.conn)
        return created

    def copy_file(self, target: Path, today: dt.date | None = None) -> DemoCreated:
        """The file a new ledger at ``target`` is once the demo is written into it and it is
        closed."""
        _, written, created = self.template(today or dt.date.today())
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(written, target)
        return created
