"""The progress-note search index holds exactly the assignments that have a note (0003), and
every search finds what a plain scan of the notes finds, across edits, deletes and upgrades."""

from __future__ import annotations

import sqlite3

from planner_desktop.store.database import open_ledger
from planner_desktop.store.search import search_item_ids
from tests.support.fixture_ledgers import copy_fixture


def indexed(ledger) -> int:
    return ledger.scalar("SELECT count(*) FROM assignment_note_fts_docsize")


def with_notes(ledger) -> int:
    return ledger.scalar("SELECT count(*) FROM assignment WHERE note <> ''")


def intact(ledger) -> None:
    """FTS5's own check of the index (rank 0: with 1 it would also want the empty notes)."""
    ledger.conn.execute(
        "INSERT INTO assignment_note_fts (assignment_note_fts, rank) VALUES ('integrity-check', 0)")


def scanned(ledger, word: str) -> set[int]:
    """What a search must find, by a plain scan of the items and the notes."""
    return {r[0] for r in ledger.conn.execute(
        "SELECT id FROM plan_item WHERE instr(code || ' ' || title || ' ' || body, ?1) > 0 "
        "UNION SELECT item_id FROM assignment WHERE instr(note, ?1) > 0", (word,))}


def items_with_note_text(ledger, text: str) -> set[int]:
    return {r[0] for r in ledger.conn.execute(
        "SELECT item_id FROM assignment WHERE instr(note, ?) > 0", (text,))}


def test_only_notes_are_indexed_through_every_change(ledger, demo_templates):
    demo_templates.copy_into(ledger)
    assert 0 < indexed(ledger) == with_notes(ledger) < ledger.scalar("SELECT count(*) FROM assignment")
    blank = ledger.scalar("SELECT min(id) FROM assignment WHERE note = ''")
    item = ledger.scalar("SELECT item_id FROM assignment WHERE id = ?", (blank,))
    steps = ["已完成校舍排查整改", "校舍排查整改进行中", "", "重新开展校舍排查"]
    for note in steps:
        with ledger.transaction() as conn:
            conn.execute("UPDATE assignment SET note = ? WHERE id = ?", (note, blank))
        assert indexed(ledger) == with_notes(ledger)
        intact(ledger)
        found = search_item_ids(ledger, "校舍排查")
        assert found == scanned(ledger, "校舍排查")
        assert (item in found) == ("校舍排查" in note)
    with ledger.transaction() as conn:
        conn.execute("DELETE FROM assignment WHERE id = ?", (blank,))
    assert indexed(ledger) == with_notes(ledger)
    intact(ledger)


def test_upgrade_from_v2_keeps_every_search_result(tmp_path):
    path = copy_fixture("ledger_v2.sqlite", tmp_path)
    plain = sqlite3.connect(path)
    words = ["正在按计划推进", "专题会议", "工作方案"]
    before = {w: {r[0] for r in plain.execute(
        "SELECT item_id FROM assignment WHERE instr(note, ?) > 0", (w,))} for w in words}
    assert plain.execute("PRAGMA user_version").fetchone()[0] == 2
    plain.close()
    ledger = open_ledger(path)
    try:
        assert ledger.schema_version >= 3
        assert indexed(ledger) == with_notes(ledger)
        intact(ledger)
        for word in words:
            assert before[word] and items_with_note_text(ledger, word) == before[word]
            assert search_item_ids(ledger, word) == scanned(ledger, word) >= before[word]
    finally:
        ledger.close()


def test_status_changes_with_the_index_deferred(ledger, demo_templates):
    """A returned folder's changes index their notes once, at the end: the index then holds
    what the trigger would have made of them (a note set, changed twice, emptied, or left),
    the trigger is back, and a failure inside rolls everything back."""
    import pytest

    from planner_desktop.domain.status import Status
    from planner_desktop.store.assignments import (
        NOTE_INDEX_TRIGGER,
        StatusChange,
        note_index_deferred,
        record_status_changes,
    )

    demo_templates.copy_into(ledger)
    noted = [r[0] for r in ledger.conn.execute(
        "SELECT id FROM assignment WHERE note <> '' ORDER BY id LIMIT 3")]
    blank = [r[0] for r in ledger.conn.execute(
        "SELECT id FROM assignment WHERE note = '' ORDER BY id LIMIT 2")]
    with ledger.transaction(), note_index_deferred(ledger):
        record_status_changes(ledger, [
            StatusChange(noted[0], Status.IN_PROGRESS, 40, "校舍排查第一轮"),
            StatusChange(noted[1], Status.IN_PROGRESS, 40, ""),
            StatusChange(blank[0], Status.IN_PROGRESS, 20, "校舍排查已启动")])
        record_status_changes(ledger, [  # a later file changes one of them again
            StatusChange(noted[0], Status.DONE, 100, "校舍排查全部完成"),
            StatusChange(blank[1], Status.IN_PROGRESS, 10, "")])
    assert indexed(ledger) == with_notes(ledger)
    intact(ledger)
    for word in ("校舍排查", "第一轮", "全部完成", "已启动"):
        assert search_item_ids(ledger, word) == scanned(ledger, word)
    assert ledger.scalar("SELECT count(*) FROM sqlite_master WHERE name = ?",
                         (NOTE_INDEX_TRIGGER,)) == 1
    before = ledger.scalar("SELECT note FROM assignment WHERE id = ?", (noted[2],))
    with pytest.raises(RuntimeError, match="disk"), ledger.transaction(), note_index_deferred(ledger):
        record_status_changes(ledger, [StatusChange(noted[2], Status.DONE, 100, "另一段进展")])
        raise RuntimeError("disk full")
    assert ledger.scalar("SELECT note FROM assignment WHERE id = ?", (noted[2],)) == before
    assert not ledger.note_index_deferred and indexed(ledger) == with_notes(ledger)
    intact(ledger)
    with ledger.transaction() as conn:  # the trigger works again for a hand edit
        conn.execute("UPDATE assignment SET note = '手工补记校舍排查' WHERE id = ?", (noted[2],))
    assert search_item_ids(ledger, "手工补记") == scanned(ledger, "手工补记")
    intact(ledger)
