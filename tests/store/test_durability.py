"""A kill -9 in the middle of a large write leaves the ledger intact: all of it or none."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from planner_desktop.store.database import open_ledger

WRITER = r"""
import sys
from planner_desktop.store.database import open_ledger
ledger = open_ledger(sys.argv[1], daily_backup=False)
with ledger.transaction() as conn:
    print("started", flush=True)
    for chunk in range(200):
        conn.executemany(
            "INSERT INTO setting (key, value) VALUES (?, ?)",
            [(f"k{chunk}-{i}", "值" * 200) for i in range(1000)],
        )
print("committed", flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.05, 0.4])
def test_kill_9_during_a_large_write(ledger_path, delay):
    open_ledger(ledger_path).close()
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(ledger_path)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "started"
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    conn = sqlite3.connect(ledger_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    count = conn.execute("SELECT count(*) FROM setting").fetchone()[0]
    assert count in (0, 200_000)
    conn.close()
    ledger = open_ledger(ledger_path)  # and the program opens it again
    assert ledger.scalar("PRAGMA quick_check") == "ok"
    ledger.close()
