"""Pausing Python's cycle collector while a file is read and parsed into thousands of objects.

Reading a 5,000-row task list creates tens of thousands of lists, tuples and items, none of
them in reference cycles: reference counting frees them. The cycle collector, though, counts
the allocations and runs again and again over every live object of the process (in the
program, every Qt wrapper too), which costs a tenth of the parse. Pausing it for the few
hundred milliseconds of a read is what json and pickle loaders do for the same reason.

The pause is process-wide and the imports run in background threads, so pauses are counted:
the collector is enabled again when the last one ends, and only if it was enabled when the
first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cycle collection inside the block (nested and concurrent blocks allowed)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
