"""Shared fixtures without Qt: a real ledger file on disk per test, the samples, user folders
kept away from the developer's own. (The Qt fixtures are in tests/gui/conftest.py, so the
domain, store and exchange tests run where PySide6 is not installed.)"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Copies of the real plan documents and task lists in ../shared/samples, kept in the
# repository so that a clean checkout tests against them too.
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch) -> Path:
    """Never touch the developer's real data folder or settings; the fake home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("PLANNER_DESKTOP_DB", raising=False)
    return home


@pytest.fixture
def ledger_path(tmp_path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def ledger(ledger_path):
    from planner_desktop.store.database import open_ledger

    opened = open_ledger(ledger_path)
    yield opened
    opened.close()


DEMO_AS_OF = dt.date(2026, 11, 22)  # the day the demo ledger's window tests look from


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory):
    """The demo ledger written once per process (xdist worker) and date, copied per test:
    ``demo_templates.copy_into(ledger, today)`` in place of ``create_demo_ledger``."""
    from tests.support.demo_ledgers import DemoTemplates

    return DemoTemplates(tmp_path_factory.mktemp("demo-templates"))


@pytest.fixture
def samples() -> Path:
    return SAMPLES
