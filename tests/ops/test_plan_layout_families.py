"""Real plan trees rendered in every layout plans reach the clerk in, and parsed back to the
same tree: the same sections, the same items at each level, the same titles
(tests/support/plan_layouts.py makes the layouts; each case from its seed alone, so the id replays
it: ``pytest tests/ops/test_plan_layout_families.py -k "doc and 17"``). The files are real: .docx
by python-docx, .pdf printed by Qt's PDF writer (the program's own), .doc saved by LibreOffice
from generated .docx files, a family made once per run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.fidelity import differences, parsed_items
from planner_desktop.ops.plan_import import preview_plan_document
from tests.support.plan_layouts import (
    TEXT_FAMILIES,
    case,
    docx_file,
    office_docx,
    paragraphs_of,
    pdf_file,
    real_trees,
    text_family,
)

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


def assert_reads_to(tree, path: Path) -> None:
    """The file imports to ``tree``: its sections, its items at each level, its titles."""
    outline = preview_plan_document(None, path).outline
    parsed = [(level, node.title) for root in outline.roots for level, node in root.walk()]
    told = differences(tree, parsed)
    assert not told, "\n".join(told)


@pytest.mark.parametrize("seed", range(CASES_PER_FAMILY))
def test_docx_layout_parses_back_to_the_same_tree(seed, tmp_path):
    tree, rng = case(seed)
    path = docx_file(paragraphs_of(tree, rng, bodies=rng.random() < 0.5,
                                   labelled=rng.random() < 0.5), tmp_path / f"{seed}.docx")
    assert_reads_to(tree, path)


@pytest.mark.parametrize("seed", range(CASES_PER_FAMILY))
def test_pdf_layout_parses_back_to_the_same_tree(seed, tmp_path, qapp):
    tree, rng = case(seed)
    assert_reads_to(tree, pdf_file(tree, rng, tmp_path / f"{seed}.pdf"))


@pytest.fixture(scope="session")
def doc_files(tmp_path_factory) -> Path:
    """The folder of ``{seed}.doc``: every case's Word file saved as Word 97 by LibreOffice,
    in two LibreOffice processes, once for the whole test run (xdist workers share it)."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    from tests.support.fixtures_sheets import soffice_convert
    from tests.support.shared_once import once_per_run

    def make(folder: Path) -> None:
        from concurrent.futures import ThreadPoolExecutor

        source = folder / "docx"
        source.mkdir()
        sources = [office_docx(*case(seed), source / f"{seed}.docx") for seed in range(CASES_PER_FAMILY)]
        # two LibreOffice processes, each converting half: the other worker waits anyway
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda half: soffice_convert(half, ["doc"], folder, timeout=600),
                          (sources[0::2], sources[1::2])))

    return once_per_run(tmp_path_factory, "plan-doc-family", make) / "doc"


@pytest.mark.soffice
@pytest.mark.parametrize("seed", range(CASES_PER_FAMILY))
def test_doc_layout_parses_back_to_the_same_tree(seed, doc_files):
    tree, _ = case(seed)
    assert_reads_to(tree, doc_files / f"{seed}.doc")
