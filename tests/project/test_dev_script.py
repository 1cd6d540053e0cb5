"""``python3 dev.py run`` on a fresh checkout says that the first start takes a minute or two
and lets pip show its progress, instead of a silent minute and a half."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_dev():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_first_install_is_announced_and_pip_is_not_quiet(tmp_path, monkeypatch, capsys):
    dev = load_dev()
    venv = tmp_path / ".venv"
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    python.parent.mkdir(parents=True)
    python.write_text("")  # the environment exists; the project is not installed in it yet
    monkeypatch.setattr(dev, "VENV", venv)
    monkeypatch.setattr(dev, "STAMP", venv / ".installed-from")
    ran: list[list[str]] = []
    monkeypatch.setattr(subprocess, "run", lambda args, check: ran.append(args))
    assert dev.ensure_environment() == python
    said = capsys.readouterr().err
    assert "第一次启动" in said and "一两分钟" in said and "a minute or two" in said
    (pip,) = ran
    assert pip[1:4] == ["-m", "pip", "install"]
    assert "-q" not in pip and "--quiet" not in pip
    assert pip[pip.index("--progress-bar") + 1] == "on"
    # Next time nothing is installed and nothing said.
    ran.clear()
    dev.ensure_environment()
    assert not ran and not capsys.readouterr().err
