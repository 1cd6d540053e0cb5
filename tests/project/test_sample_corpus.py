"""The labelled corpus of published plans stays consistent: every expected title, target,
deadline and non-item is an exact substring of its document, and the counts agree (each
folder's own ``check_expected.py``, kept as the shared corpus has it)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import SAMPLES


@pytest.mark.parametrize("folder", ["public", "found"])
def test_every_expected_outline_is_consistent_with_its_document(folder):
    checker = SAMPLES / folder / "check_expected.py"
    done = subprocess.run([sys.executable, str(checker)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 failures" in done.stdout
