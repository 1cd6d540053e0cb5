"""Subcommands that belong to one feature each (plan documents, fill-in workbooks, reports).

Each module here has ``register(command, sub)``: ``command(name, handler, help_text,
parent=sub)`` adds a subcommand whose handler takes the parsed arguments and returns the
JSON-ready result dict (see ``planner_desktop.cli``). Keeping a feature's commands beside
nothing else lets that feature grow without every change touching ``cli.py``.
"""

from __future__ import annotations

import importlib

# Listed explicitly (not discovered) so that PyInstaller sees every module.
FEATURE_MODULES: tuple[str, ...] = (
    "fillin",
    "plan_document",
    "reports",
)


def register_all(command, sub) -> None:
    for name in FEATURE_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(command, sub)
