"""Regenerate the README's screenshots of the main window over the demo ledger.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from planner_desktop.demo import create_demo_ledger  # noqa: E402
from planner_desktop.domain.ledger_table import Granularity  # noqa: E402
from planner_desktop.gui.app import set_look  # noqa: E402
from planner_desktop.gui.main_window import MainWindow  # noqa: E402
from planner_desktop.store.database import open_ledger  # noqa: E402

AS_OF = dt.date(2026, 11, 22)
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    app = QApplication(sys.argv)
    set_look(app)
    ledger = open_ledger(Path(tempfile.mkdtemp()) / "demo.sqlite")
    create_demo_ledger(ledger, today=AS_OF)
    window = MainWindow(ledger, today=AS_OF)
    window.show()
    window.show_start_summary()
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        window.table.selectRow(4)
        app.processEvents()
        window.grab().save(str(OUT / f"main_window_{width}.png"))
    window.resize(1366, 768)
    window.granularity_box.setCurrentIndex(window.granularity_box.findData(Granularity.ASSIGNMENTS))
    window.table.selectRow(7)
    window.detail.tabs.setCurrentIndex(1)
    app.processEvents()
    window.grab().save(str(OUT / "detail_pane.png"))
    window.detail.tabs.setCurrentIndex(2)
    app.processEvents()
    window.detail.grab().save(str(OUT / "history.png"))
    window.centre.setCurrentIndex(1)
    app.processEvents()
    window.grab().save(str(OUT / "dashboard.png"))
    window.close()
    ledger.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
