"""Guards for facts measured on our machines (PLATFORM_NOTES.md)."""

from __future__ import annotations

import subprocess
import sys

GUARD = (
    "import sys;from PySide6.QtWidgets import QApplication,QLabel;a=QApplication([]);"
    "l=QLabel();b=sys.getrefcount(None);[l.setText('a') for _ in range(1000)];"
    "print(sys.getrefcount(None)-b)"
)


def test_pyside6_does_not_leak_references_to_none():
    """PySide6 6.12.0 on Python 3.11 drops None's refcount per void call and later crashes."""
    done = subprocess.run([sys.executable, "-c", GUARD], capture_output=True, text=True,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert abs(int(done.stdout.strip().splitlines()[-1])) < 10


def test_pyside6_version_is_not_the_broken_one():
    import PySide6

    assert PySide6.__version__ != "6.12.0"
