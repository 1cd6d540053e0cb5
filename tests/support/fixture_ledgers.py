"""Ledger files kept from earlier schema versions, so every upgrade is tested on real data.

``tests/fixtures/ledger_vN.sqlite`` is a demo ledger written by schema version N; when a
migration is added, keep the old file and add one for the new version
(``python -m tests.support.fixture_ledgers N``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def copy_fixture(name: str, folder: Path) -> Path:
    target = folder / name
    shutil.copyfile(FIXTURES / name, target)
    return target


def make_fixture(version: int) -> Path:
    import datetime as dt

    from planner_desktop.ops.demo import create_demo_ledger
    from planner_desktop.store.database import open_ledger

    path = FIXTURES / f"ledger_v{version}.sqlite"
    path.unlink(missing_ok=True)
    ledger = open_ledger(path, daily_backup=False)
    assert ledger.schema_version == version, "fixtures are made by the latest schema"
    create_demo_ledger(ledger, today=dt.date(2026, 6, 30))
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.conn.execute("PRAGMA journal_mode = DELETE")
    ledger.conn.execute("VACUUM")
    ledger.close()
    return path


if __name__ == "__main__":
    print(make_fixture(int(sys.argv[1])))
