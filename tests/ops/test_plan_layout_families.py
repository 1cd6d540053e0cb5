"""Real plan trees rendered in every layout plans reach the clerk in, and parsed back to the
same tree: the same sections, the same items at each level, the same titles
(tests/support/plan_layouts.py makes the layouts; each case from its seed alone, so the id replays
it)."""

from __future__ import annotations

import pytest

from bench.fidelity import differences, parsed_items
from planner_desktop.ops.plan_import import preview_plan_document
from tests.support.plan_layouts import TEXT_FAMILIES, case, docx_file, paragraphs_of, real_trees, text_family

CASES_PER_FAMILY = 200


def test_the_trees_are_real_and_varied():
    trees = real_trees()
    assert len(trees) >= 10
    assert any(max(level for level, _ in tree) >= 3 for tree in trees)


@pytest.mark.parametrize("family", TEXT_FAMILIES)
@pytest.mark.parametrize("seed", range(CASES_PER_FAMILY))
def test_text_layout_parses_back_to_the_same_tree(family, seed):
    tree, rng = case(seed)
    text = text_family(family)(tree, rng)
    told = differences(tree, parsed_items(text))
    assert not told, "\n".join(told) + "\n--- text ---\n" + text


@pytest.mark.parametrize("seed", range(CASES_PER_FAMILY))
def test_docx_layout_parses_back_to_the_same_tree(seed, tmp_path):
    tree, rng = case(seed)
    path = docx_file(paragraphs_of(tree, rng, bodies=rng.random() < 0.5,
                                   labelled=rng.random() < 0.5), tmp_path / f"{seed}.docx")
    outline = preview_plan_document(None, path).outline
    parsed = [(level, node.title) for root in outline.roots for level, node in root.walk()]
    told = differences(tree, parsed)
    assert not told, "\n".join(told)
