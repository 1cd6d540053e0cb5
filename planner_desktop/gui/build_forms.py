"""Compile the Qt Designer forms in ``ui/`` into ``planner_desktop/gui/forms/<name>_ui.py``.

    python -m planner_desktop.gui.build_forms      (after editing a form in Designer)

The generated modules are committed, so neither a start of the program nor a PyInstaller
build needs the compiler, and nothing is loaded with ``loadUiType`` at run time.
``tests/gui/test_forms.py`` fails when a module differs from what its form compiles to now, so a
form and its module cannot drift apart. A dialog uses its form by composition
(``self.ui = Ui_X(); self.ui.setupUi(self)``) and adds behaviour in code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]
FORMS_DIR = ROOT / "ui"
MODULES_DIR = Path(__file__).resolve().parent / "forms"


def uic_binary() -> Path:
    """Qt's ``uic`` as PySide6 ships it (the same one ``pyside6-uic`` runs)."""
    base = Path(PySide6.__file__).resolve().parent
    if sys.platform == "win32":
        return base / "uic.exe"
    return base / "Qt" / "libexec" / "uic"


def module_path(form: Path) -> Path:
    return MODULES_DIR / f"{form.stem}_ui.py"


def compile_form(form: Path) -> str:
    """The Python module ``form`` compiles to, with Unix line ends on every platform."""
    result = subprocess.run([os.fspath(uic_binary()), "-g", "python", os.fspath(form)],
                            capture_output=True, check=True)
    return result.stdout.decode("utf-8").replace("\r\n", "\n")


def forms() -> list[Path]:
    return sorted(FORMS_DIR.glob("*.ui"))


def main() -> int:
    MODULES_DIR.mkdir(exist_ok=True)
    (MODULES_DIR / "__init__.py").write_text(
        '"""Modules generated from ui/*.ui by planner_desktop.gui.build_forms: do not edit."""\n',
        encoding="utf-8")
    for form in forms():
        target = module_path(form)
        code = compile_form(form)
        if not target.exists() or target.read_text(encoding="utf-8") != code:
            target.write_text(code, encoding="utf-8", newline="\n")
            print(f"{form.name} → {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
