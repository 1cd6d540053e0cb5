"""Where things are: the program's own files, and the clerk's data.

One function, :func:`resource_path`, finds the program's data folders (``db/``,
``resources/``, ``ui/``) both from a source checkout and from a PyInstaller build, whose
``build.spec`` places them under the same relative names.

The ledger lives in the user data folder (``platformdirs``), unless ``--db PATH`` or the
``PLANNER_DESKTOP_DB`` environment variable names another file, or the program runs in
portable mode: a ``portable.txt`` file beside the program keeps the data in ``data/`` there,
for clerks who carry the program on a USB stick.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "PlannerDesktop"
APP_AUTHOR = "PlannerDesktop"
DB_ENV_VAR = "PLANNER_DESKTOP_DB"
PORTABLE_MARKER = "portable.txt"
LEDGER_FILE_NAME = "ledger.sqlite"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def program_dir() -> Path:
    """The folder the clerk sees the program in (the executable's, or the source checkout)."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file or folder shipped with the program, e.g. ``resource_path("db")``."""
    base = Path(getattr(sys, "_MEIPASS", program_dir())) if is_frozen() else program_dir()
    return base.joinpath(*parts)


def is_portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).exists()


def data_dir() -> Path:
    """The folder for the ledger, its backups and evidence files (created on demand)."""
    folder = (
        program_dir() / "data"
        if is_portable()
        else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    folder = (
        data_dir() / "logs"
        if is_portable()
        else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_ledger_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The ledger file to open: ``--db`` first, then the environment variable, then the data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return data_dir() / LEDGER_FILE_NAME


def backup_dir_for(ledger_path: Path) -> Path:
    """Backups sit in ``backups/`` beside the ledger they copy."""
    return ledger_path.parent / "backups"


def evidence_dir_for(ledger_path: Path) -> Path:
    """佐证材料 copied in by the clerk sit in ``evidence/`` beside the ledger (and travel with it)."""
    return ledger_path.parent / "evidence"
