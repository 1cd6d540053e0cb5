"""How a long operation tells its caller how far it is (the GUI's progress dialog, nothing in
the CLI): ``on_progress(done, total)``, called from the thread the operation runs in."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (done, total)


class Cancelled(Exception):  # noqa: N818 - a request, not an error
    """Raised by a progress callback to stop an operation: the clerk pressed Cancel.

    It goes up through the operation's transaction like any exception, so what was written
    is rolled back and the ledger is as it was before.
    """
