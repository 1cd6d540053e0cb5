"""备份与恢复 driven as a clerk would: back up now, change something, restore the backup."""

from __future__ import annotations

from planner_desktop.gui.backup_dialog import BackupDialog
from planner_desktop.gui.events import ledger_events
from planner_desktop.ops.changes import EVERYTHING


def test_back_up_then_restore_from_the_list(qtbot, ledger, message_boxes, demo_templates):
    demo_templates.copy_into(ledger)
    dialog = BackupDialog(ledger)
    qtbot.addWidget(dialog)
    before = dialog.list.count()
    assert dialog.back_up_now()
    assert dialog.list.count() == before + 1
    assert "手动" in dialog.list.item(0).text()
    with ledger.transaction() as conn:
        conn.execute("DELETE FROM status_update")
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(ledger_events().changed) as announced:  # every view reads again
        assert dialog.restore_selected()
    assert announced.args[0] == EVERYTHING
    assert [title for title, _ in message_boxes] == ["从备份恢复"]
    message_boxes.clear()
    assert ledger.scalar("SELECT count(*) FROM status_update") > 0
    assert any("恢复前" in dialog.list.item(i).text() for i in range(dialog.list.count()))
