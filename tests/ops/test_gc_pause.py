"""The cycle collector's pause around reading a file: counted, restored, never left off."""

from __future__ import annotations

import gc
import threading

import pytest

from planner_desktop.ops.gc_pause import gc_paused


@pytest.fixture(autouse=True)
def collector_enabled():
    gc.enable()
    yield
    gc.enable()


def test_pause_and_restore():
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_restore_once_the_outer_ends():
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_exception():
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("bad file")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off():
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_pauses_of_two_threads():
    """Two imports in background threads: the collector comes back when the last ends, not
    when the first does."""
    first_inside, second_inside, first_done = (threading.Event() for _ in range(3))
    seen: list[bool] = []

    def first():
        with gc_paused():
            first_inside.set()
            second_inside.wait(5)
        first_done.set()

    def second():
        first_inside.wait(5)
        with gc_paused():
            second_inside.set()
            first_done.wait(5)
            seen.append(gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == [False]
    assert gc.isenabled()
