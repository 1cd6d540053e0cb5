#!/usr/bin/env python3
"""Set-up and everyday commands for developers, with nothing but Python 3.11+ installed.

    python3 dev.py run [ARGS]   start Planner Desktop (any planner-desktop arguments pass through)
    python3 dev.py test [ARGS]  run ruff and the whole test suite (pytest arguments pass through)

On first use it creates ``.venv`` beside this file and installs the package with its test
extra; later runs reinstall only when ``pyproject.toml`` changed. On Windows use ``py dev.py``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> Path:
    """Create the virtual environment and install the project into it when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be started by an older python3)
        sys.exit("需要 Python 3.11 或更新版本 / Python 3.11+ is required")
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv …", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        first = not STAMP.exists()
        print(install_message(first), file=sys.stderr, flush=True)
        # pip's own lines (Collecting …, Downloading … with its bar) show that work goes on:
        # quiet, the first start looked hung for a minute and a half.
        pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check",
               "--progress-bar", "on"]
        subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(wanted)
        print("安装完成 / Installed.", file=sys.stderr, flush=True)
    return python


def install_message(first: bool) -> str:
    """What the developer is told before pip starts (a first start installs PySide6 and the
    rest, about 300 MB: a minute or two)."""
    if first:
        return ("第一次启动需要安装 Planner Desktop 所需的组件（PySide6 等），大约需要一两分钟，"
                "请稍候……\nFirst start: installing Planner Desktop and what it needs (PySide6 "
                "and the rest); this takes a minute or two …")
    return ("pyproject.toml 有改动，正在更新安装……\npyproject.toml changed: updating the "
            "installation …")


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command not in {"run", "test"}:
        print(__doc__, file=sys.stderr)
        return 2
    python = str(ensure_environment())
    if command == "run":
        return subprocess.call([python, "-m", "planner_desktop", *rest], cwd=ROOT)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    lint = subprocess.call([python, "-m", "ruff", "check", "planner_desktop", "tests", "bench",
                            "dev.py"], cwd=ROOT)
    if lint:
        return lint
    workers = ["-n", "2"] if "-n" not in rest and not any(a.startswith("-k") for a in rest) else []
    return subprocess.call([python, "-m", "pytest", *workers, *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
