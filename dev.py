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
        print("Installing Planner Desktop and its test tools …", file=sys.stderr)
        pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(wanted)
    return python


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
