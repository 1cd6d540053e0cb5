"""A revised task list rewrites the targets the parser found, never the clerk's: figures
reached, corrected and added targets stay through the revision and through its undo."""

from __future__ import annotations

from planner_desktop.ops.targets import add_target, edit_target, report_value
from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.store.targets import tracked_targets
from planner_desktop.store.undo import undo_batch
from tests.support.fixtures_sheets import write_rows_xlsx

HEADER = ["序号", "重点任务", "牵头股室", "完成时限"]
ROWS = [
    ["1", "新增公办学位1260个，新建幼儿园3所", "基础教育股", "2025年12月底"],
    ["2", "学前三年毛入园率达85%以上", "基础教育股", "2025年12月底"],
]


def _import(ledger, path, rows):
    write_rows_xlsx(path, [HEADER, *rows], title="任务")
    return commit_task_list(ledger, preview_task_list(ledger, path, year=2025))


def _targets(ledger):
    return {t.text: t for t in tracked_targets(ledger, include_removed=True)}


def test_figures_and_the_clerks_targets_stay_when_the_list_is_revised(tmp_path, ledger):
    path = tmp_path / "任务表.xlsx"
    _import(ledger, path, ROWS)
    found = _targets(ledger)
    places, kindergartens = found["新增公办学位1260个"], found["新建幼儿园3所"]
    report_value(ledger, places.id, "2025", "1300")
    edit_target(ledger, kindergartens.id, comparator=">=")
    extra = add_target(ledger, places.item_id, "改扩建学校5所").value
    revised = [row[:] for row in ROWS]
    revised[0][1] = "新增公办学位1260个，新建幼儿园3所，建设芙蓉学校2所"  # the item's text changes
    revised[1][1] = "学前三年毛入园率达88%以上"
    _import(ledger, path, revised)

    after = _targets(ledger)
    assert after["新增公办学位1260个"].id == places.id and after["新增公办学位1260个"].figure == 1300
    assert after["新建幼儿园3所"].comparator == ">=" and extra in {t.id for t in after.values()}
    assert "建设芙蓉学校2所" in after  # the parser's new target comes in
    # untouched by the clerk: rewritten from the new text
    assert "学前三年毛入园率达88%以上" in after and "学前三年毛入园率达85%以上" not in after
    texts = [t.text for t in tracked_targets(ledger) if t.item_id == places.item_id]
    assert len(texts) == len(set(texts)), texts  # a kept target is not added a second time

    undo_batch(ledger, ledger.scalar("SELECT max(id) FROM import_batch"))
    back = _targets(ledger)
    assert "建设芙蓉学校2所" not in back and "学前三年毛入园率达85%以上" in back
    assert back["新增公办学位1260个"].figure == 1300 and extra in {t.id for t in back.values()}
