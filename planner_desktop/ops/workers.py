"""CPU-bound file work spread over worker processes, one per core.

Writing 300 fill-in workbooks, or reading 300 returned ones, is pure Python work for
xlsxwriter and the readers, so threads do not help and a county's round takes seconds on
one core. :func:`run_batches` hands batches of the work to spawned processes (not forked:
the caller may be a thread of the Qt program; the frozen program calls
``multiprocessing.freeze_support`` in ``__main__``), and does it in-process when there is too
little work to pay for starting them (about 0.3 s).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 40  # items; below this, starting worker processes costs more than it saves
ITEMS_PER_BATCH = 10
MAX_WORKERS = 4


def worker_count() -> int:
    return min(os.cpu_count() or 1, MAX_WORKERS)


def run_batches(function: Callable[[Any, list[Item]], list[Result]], shared: Any,
                items: Sequence[Item], *, parallel_from: int | None = None,
                per_batch: int | None = None) -> Iterator[tuple[int, list[Result]]]:
    """``function(shared, batch)`` for batches of ``items``; yields (index of the batch's first
    item, its results) as each batch finishes, in any order.

    ``function`` must be a module-level function and ``shared`` and the items picklable. An
    exception in a batch is raised here (the batches not started are cancelled).
    """
    threshold = PARALLEL_FROM if parallel_from is None else parallel_from
    size = per_batch or ITEMS_PER_BATCH
    workers = worker_count()
    if len(items) < threshold or workers < 2:
        for start in range(0, len(items), size):
            yield start, function(shared, list(items[start:start + size]))
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = {pool.submit(function, shared, list(items[start:start + size])): start
                   for start in range(0, len(items), size)}
        try:
            for future in as_completed(futures):
                yield futures[future], future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise
