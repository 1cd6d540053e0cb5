"""Units without duplicates on a real ledger: group words wait for the roster instead of
becoming fake schools, the keyword table's sections wait for the roster's aliases, and a
roster naming a unit of the ledger by an alias merges it (all pairs at once, backup first)."""

from __future__ import annotations

import pytest

from planner_desktop.errors import UserFixableError
from planner_desktop.ops.ledger_query import ItemQuery, query_items
from planner_desktop.ops.plan_import import (
    commit_plan_document,
    confirm_all_suggestions,
    plan_unit_names,
    preview_plan_document,
)
from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.ops.units import add_alias, commit_roster, merge_units, preview_roster_file
from planner_desktop.store.backup import list_backups
from planner_desktop.store.undo import undo_batch
from tests.cli.test_cli import cli
from tests.support.first_week import (
    PLAN_TEXT,
    PRIMARY_AND_SECONDARY,
    write_roster,
    write_task_list,
)


def units(ledger) -> dict[str, bool]:
    return {r["name"]: bool(r["needs_review"]) for r in ledger.query("SELECT * FROM unit")}


def assigned(ledger, code: str) -> dict[str, str]:
    return dict(ledger.conn.execute(
        "SELECT u.name, a.role FROM assignment a JOIN unit u ON u.id = a.unit_id "
        "JOIN plan_item i ON i.id = a.item_id WHERE i.code = ?", (code,)).fetchall())


def test_a_task_list_naming_groups_on_an_empty_ledger_makes_no_fake_school(tmp_path, ledger):
    parsed = preview_task_list(ledger, write_task_list(tmp_path / "任务表.xlsx"), year=2025)
    assert parsed.pending_groups == ["各中小学", "各幼儿园", "全县学校"]
    assert not {"各中小学", "各幼儿园", "全县学校"} & set(parsed.unknown_units)
    created = commit_task_list(ledger, parsed)
    assert created.counts()["pending_units"] == ["各中小学", "各幼儿园", "全县学校"]
    assert not {"各中小学", "各幼儿园", "全县学校"} & set(units(ledger))
    assert ledger.scalar("SELECT count(*) FROM unit WHERE kind = '学校'") == 0
    # the item shows the group it waits for
    views = {v.record.code: v for v in query_items(ledger, ItemQuery())}
    assert views["2"].schools == ["各中小学（待名册）", "各幼儿园（待名册）"]
    with pytest.raises(UserFixableError, match="还没有单位"):  # not silently every item
        query_items(ledger, ItemQuery(units=["各中小学"]))

    # the roster comes: the groups become the roster's schools
    preview = preview_roster_file(ledger, write_roster(tmp_path / "名册.xlsx"))
    assert preview.pending == {"各中小学": 2, "各幼儿园": 1, "全县学校": 1}
    counts = commit_roster(ledger, preview).counts
    assert counts.pending_resolved == ("各中小学", "各幼儿园", "全县学校")
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == 0
    assert {n for n, r in assigned(ledger, "1").items() if r == "carry"} == PRIMARY_AND_SECONDARY
    assert {n for n, r in assigned(ledger, "2").items() if r == "carry"} == \
        PRIMARY_AND_SECONDARY | {"县幼儿园"}
    via = ledger.query("SELECT DISTINCT via_group FROM assignment WHERE role = 'carry'")
    assert {r["via_group"] for r in via} == {"各中小学", "各幼儿园", "全县学校"}

    # undoing the task list takes its waiting names with it
    batch = ledger.scalar("SELECT id FROM import_batch WHERE kind = 'tasks'")
    undo_batch(ledger, batch)
    assert ledger.scalar("SELECT count(*) FROM assignment") == 0


def test_a_group_the_roster_has_no_members_for_keeps_waiting(tmp_path, ledger):
    commit_roster(ledger, preview_roster_file(ledger, write_roster(
        tmp_path / "股室.xlsx", [["基础教育股", "基教股", "股室", "", ""]])))
    parsed = preview_task_list(ledger, write_task_list(tmp_path / "任务表.xlsx"), year=2025)
    commit_task_list(ledger, parsed)
    assert ledger.scalar("SELECT count(*) FROM pending_assignment WHERE name = '各中小学'") == 2
    # a later roster with the schools resolves them
    commit_roster(ledger, preview_roster_file(ledger, write_roster(tmp_path / "名册.xlsx")))
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == 0


def test_plan_then_roster_with_aliases_leaves_no_duplicate(tmp_path, ledger):
    preview = preview_plan_document(ledger, text=PLAN_TEXT, year=2025)
    confirm_all_suggestions(preview)
    names = plan_unit_names(ledger, preview)
    assert set(names.waiting) == {"安全股", "计财股", "办公室"}
    commit_plan_document(ledger, preview)
    assert units(ledger) == {}  # the keyword table's spellings made no unit 待核实
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == 6

    roster = preview_roster_file(ledger, write_roster(tmp_path / "名册.xlsx"))
    assert roster.merge_pairs == []
    commit_roster(ledger, roster)
    assert not any(units(ledger).values())
    assert "安全股" not in units(ledger)
    assert assigned(ledger, "一.1") == {"安全稳定股": "lead"}
    assert assigned(ledger, "二.2") == {"计划财务股": "lead"}
    assert assigned(ledger, "三.3") == {"局办公室": "lead"}
    # then the task list: its assignments go to the roster's units, no duplicate appears
    commit_task_list(ledger, preview_task_list(ledger, write_task_list(tmp_path / "任务表.xlsx"),
                                               year=2025))
    assert len(units(ledger)) == 8 and not any(units(ledger).values())
    assert assigned(ledger, "2") == {"安全稳定股": "lead", "局办公室": "support",
                                     **dict.fromkeys(PRIMARY_AND_SECONDARY | {"县幼儿园"}, "carry")}


def test_a_roster_offers_to_merge_the_units_it_names_by_an_alias(tmp_path, ledger):
    commit_task_list(ledger, preview_task_list(ledger, write_task_list(tmp_path / "任务表.xlsx"),
                                               year=2025))
    # the task list (with no roster) made 安全股, 办公室, 计财股 and 基础教育股 待核实
    ledger.conn.execute("UPDATE assignment SET status = '推进中', progress = 40, "
                        "note = '已开展排查' WHERE unit_id = (SELECT id FROM unit WHERE name = '安全股')")
    preview = preview_roster_file(ledger, write_roster(tmp_path / "名册.xlsx"))
    pairs = {(p.drop, p.keep) for p in preview.merge_pairs}
    assert pairs == {("安全股", "安全稳定股"), ("办公室", "局办公室"), ("计财股", "计划财务股")}
    assert all(p.drop != p.keep for p in preview.merge_pairs)
    assert "基础教育股" in preview.updated  # the same name: updated, never a pair
    before = len(list_backups(ledger.path))

    counts = commit_roster(ledger, preview, preview.merge_pairs).counts
    assert len(list_backups(ledger.path)) == before + 1
    assert {b.reason for b in list_backups(ledger.path)} >= {"before-merge"}
    assert set(counts.merged) == pairs
    assert not {"安全股", "办公室", "计财股"} & set(units(ledger))
    assert assigned(ledger, "2")["安全稳定股"] == "lead"
    row = ledger.query("SELECT a.status, a.progress, a.note FROM assignment a JOIN unit u "
                       "ON u.id = a.unit_id JOIN plan_item i ON i.id = a.item_id "
                       "WHERE u.name = '安全稳定股' AND i.code = '2'")[0]
    assert row == {"status": "推进中", "progress": 40, "note": "已开展排查"}
    # the alias is kept, so the next list naming 安全股 finds the roster's unit
    alias_of = ledger.scalar("SELECT u.name FROM unit_alias a JOIN unit u ON u.id = a.unit_id "
                             "WHERE a.alias = '安全股'")
    assert alias_of == "安全稳定股"
    # and a second reading of the same roster proposes nothing more
    assert preview_roster_file(ledger, write_roster(tmp_path / "名册.xlsx")).merge_pairs == []


def test_an_alias_added_by_hand_resolves_a_waiting_name(tmp_path, ledger):
    commit_roster(ledger, preview_roster_file(ledger, write_roster(
        tmp_path / "名册.xlsx", [["安全稳定股", "", "股室", "", ""]])))
    preview = preview_plan_document(ledger, text=PLAN_TEXT, year=2025)
    confirm_all_suggestions(preview)
    commit_plan_document(ledger, preview)
    assert "安全股" not in units(ledger)
    add_alias(ledger, "安全股", "安全稳定股")
    assert assigned(ledger, "一.1") == {"安全稳定股": "lead"}


def test_merge_refuses_a_unit_into_itself(ledger, tmp_path):
    commit_roster(ledger, preview_roster_file(ledger, write_roster(tmp_path / "名册.xlsx")))
    with pytest.raises(UserFixableError):
        merge_units(ledger, "安全稳定股", "安全稳定股")


def test_cli_units_import_merges_with_merge(tmp_path, ledger_path):
    tasks, roster = write_task_list(tmp_path / "任务表.xlsx"), write_roster(tmp_path / "名册.xlsx")
    code, _, _ = cli("import-tasks", str(tasks), "--year", "2025", "--json", db=ledger_path)
    assert code == 0
    code, out, _ = cli("units", "import", str(roster), "--merge", "--json", db=ledger_path)
    assert code == 0
    assert {tuple(p) for p in out["merged"]} == {("安全股", "安全稳定股"), ("办公室", "局办公室"),
                                                  ("计财股", "计划财务股")}
    assert out["merge_pairs"] == [] and out["pending_resolved"] == ["各中小学", "各幼儿园", "全县学校"]
    assert out["sections"] == 4 and out["schools"] == 4


def test_undoing_a_revision_takes_back_the_groups_it_added(tmp_path, ledger):
    from tests.support.first_week import TASK_HEADER, TASK_ROWS
    from tests.support.fixtures_sheets import write_rows_xlsx

    path = tmp_path / "任务表.xlsx"
    commit_task_list(ledger, preview_task_list(ledger, write_task_list(path), year=2025))
    revised = [row[:] for row in TASK_ROWS]
    revised[0][4] = "各中小学、各幼儿园"
    write_rows_xlsx(path, [TASK_HEADER, *revised], title="任务")
    parsed = preview_task_list(ledger, path, year=2025)
    assert parsed.update_plan_id is not None
    commit_task_list(ledger, parsed)

    def waiting_on_1():
        return {r["name"] for r in ledger.query(
            "SELECT p.name FROM pending_assignment p JOIN plan_item i ON i.id = p.item_id "
            "WHERE i.code = '1'")}

    assert waiting_on_1() == {"各中小学", "各幼儿园"}
    undo_batch(ledger, ledger.scalar("SELECT max(id) FROM import_batch"))
    assert waiting_on_1() == {"各中小学"}


def test_a_task_list_joined_to_its_plan_waits_with_it_and_undo_takes_its_groups(tmp_path, ledger):
    from planner_desktop.ops.task_import import retarget_task_list

    preview = preview_plan_document(ledger, text=PLAN_TEXT, year=2025)
    confirm_all_suggestions(preview)
    plan_id = commit_plan_document(ledger, preview).plan_id
    parsed = preview_task_list(ledger, write_task_list(tmp_path / "任务表.xlsx"), year=2025)
    retarget_task_list(ledger, parsed, plan_id)
    joined = commit_task_list(ledger, parsed)
    assert ledger.scalar("SELECT count(*) FROM plan") == 1
    assert not {"各中小学", "各幼儿园", "全县学校"} & set(units(ledger))
    waiting = ledger.scalar("SELECT count(*) FROM pending_assignment")
    assert waiting > 6  # the plan's suggestions and the task list's groups
    # the same list joined again adds no second waiting row
    again = preview_task_list(ledger, write_task_list(tmp_path / "任务表2.xlsx"), year=2025)
    retarget_task_list(ledger, again, plan_id)
    second = commit_task_list(ledger, again)
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == waiting
    undo_batch(ledger, second.batch_id)
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == waiting
    undo_batch(ledger, joined.batch_id)
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == 6
