"""How a long operation tells its caller how far it is (the GUI's progress dialog, nothing in
the CLI): ``on_progress(done, total)``, called from the thread the operation runs in."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (done, total)
