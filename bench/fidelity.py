"""Structure fidelity: how many labelled published plans the import reads exactly as a clerk
reads them.

Every ``*.expected.json`` under ``tests/samples/public/`` and ``tests/samples/found/`` holds
the outline a person wrote by reading the document (see those folders' README.md); where
``tests/samples/corrected/`` holds a file of the same name, that corrected copy is used
instead (its README says why). Each ``.txt`` is imported as a clerk pastes it — the text
after its ``SOURCE:`` line, through ``preview_plan_document`` — and its whole tree (not only
the plan part of a report-plus-plan, since the labels cover the whole document) is compared
with the expected one.

How two outlines are compared (the rule the tests use too):
- each outline is the list of its items in document order, each item its level (1 = top)
  and its title;
- titles are compared after the corpus's normalisation: NFKC (the copies store half-width
  punctuation, ``(一)`` ``,`` ``:``, so full and half width compare equal), all white space
  removed (copies indent and wrap at random), and the punctuation a title may end or start
  with (``。；;：:，,、``) stripped;
- a document is exact when both lists are equal; otherwise the differences are told as
  missing items, extra items, items at the wrong level and items with the wrong title (the
  two lists aligned on their titles);
- markers are not compared: the expected ``marker`` is the code as written, which the
  ledger keeps as its own path code, and a title or level that is right is what the clerk
  needs. ``non_items`` that come out as item titles are named among the differences.

The figure is the number of exact documents; the target is all of them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner_desktop.ops.plan_import import preview_plan_document  # noqa: E402

SAMPLES = ROOT / "tests" / "samples"
FOLDERS = ("public", "found")
CORRECTED = SAMPLES / "corrected"
_SPACE = re.compile(r"\s+")
_EDGE_PUNCTUATION = "。；;：:，,、"


@dataclass(frozen=True)
class Labelled:
    """One labelled document: its folder, name, body text and expected items."""

    folder: str
    name: str
    text: str
    expected: list[tuple[int, str]]  # (level, title)
    non_items: list[str]
    corrected: bool


def normalise(title: str) -> str:
    """A title as the comparison sees it (see the module's docstring)."""
    title = _SPACE.sub("", unicodedata.normalize("NFKC", title))
    return title.strip(_EDGE_PUNCTUATION)


def labelled_documents(folders: tuple[str, ...] = FOLDERS) -> list[Labelled]:
    """Every labelled document of ``folders``, the corrected copy of its outline where one
    exists."""
    found = []
    for folder in folders:
        for expected_path in sorted((SAMPLES / folder).glob("*.expected.json")):
            name = expected_path.name.removesuffix(".expected.json")
            corrected = CORRECTED / expected_path.name
            labels = json.loads((corrected if corrected.exists() else expected_path)
                                .read_text("utf-8"))
            raw = expected_path.with_name(name + ".txt").read_text("utf-8")
            body = raw.partition("\n")[2] if raw.startswith("SOURCE:") else raw
            found.append(Labelled(folder, name, body,
                                  [(item["level"], item["title"]) for item in labels["items"]],
                                  list(labels.get("non_items", [])), corrected.exists()))
    return found


def parsed_items(text: str) -> list[tuple[int, str]]:
    """(level, title) of every item of the whole document, as the import reads it."""
    outline = preview_plan_document(None, text=text).outline
    return [(level, node.title) for root in outline.roots for level, node in root.walk()]


def differences(expected: list[tuple[int, str]], parsed: list[tuple[int, str]],
                non_items: list[str] = ()) -> list[str]:
    """What differs between the expected and the parsed items; empty when exact."""
    want = [(level, normalise(title)) for level, title in expected]
    got = [(level, normalise(title)) for level, title in parsed]
    if want == got:
        return []
    told = []
    matcher = difflib.SequenceMatcher(None, [t for _, t in want], [t for _, t in got],
                                      autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            told += [f"wrong level: {want[a][1]!r} is level {want[a][0]}, parsed as {got[b][0]}"
                     for a, b in zip(range(a1, a2), range(b1, b2), strict=True)
                     if want[a][0] != got[b][0]]
            continue
        pairs = min(a2 - a1, b2 - b1) if op == "replace" else 0
        for offset in range(pairs):
            (wl, wt), (gl, gt) = want[a1 + offset], got[b1 + offset]
            level = "" if wl == gl else f" (level {wl}, parsed as {gl})"
            told.append(f"wrong title: expected {wt!r}, parsed {gt!r}{level}")
        told += [f"missing: level {want[a][0]} {want[a][1]!r}" for a in range(a1 + pairs, a2)]
        told += [f"extra: level {got[b][0]} {got[b][1]!r}" for b in range(b1 + pairs, b2)]
    titles = {t for _, t in got if t}
    for text in non_items:
        if normalise(text) in titles:
            told.append(f"non-item read as an item: {normalise(text)!r}")
    return told


def run(folders: tuple[str, ...] = FOLDERS, quiet: bool = False) -> dict:
    documents = labelled_documents(folders)
    started = time.perf_counter()
    results = [(doc, differences(doc.expected, parsed_items(doc.text), doc.non_items))
               for doc in documents]
    ours = time.perf_counter() - started
    started = time.perf_counter()
    for doc in documents:
        (SAMPLES / doc.folder / f"{doc.name}.txt").read_text("utf-8").splitlines()
    plain = time.perf_counter() - started
    per_folder: dict[str, list[int]] = {}
    for doc, told in results:
        tally = per_folder.setdefault(doc.folder, [0, 0])
        tally[0] += not told
        tally[1] += 1
        if quiet:
            continue
        mark = "exact" if not told else f"wrong ({len(told)})"
        print(f"{doc.folder}/{doc.name}{' [corrected]' if doc.corrected else ''}: {mark}")
        for line in told:
            print(f"    {line}")
    for folder, (exact, total) in per_folder.items():
        print(f"{folder}: {exact}/{total} exact")
    exact = sum(not told for _, told in results)
    summary = {"bench": "fidelity", "ours_s": round(ours, 3), "refs_s": {"read_text": round(plain, 4)},
               "target": "every labelled document exact", "met": exact == len(results),
               "exact": exact, "total": len(results),
               "folders": {f: {"exact": e, "total": t} for f, (e, t) in per_folder.items()}}
    print(json.dumps(summary, ensure_ascii=False))
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quiet", action="store_true", help="only the totals")
    parser.add_argument("folders", nargs="*", default=list(FOLDERS))
    arguments = parser.parse_args()
    run(tuple(arguments.folders), arguments.quiet)


if __name__ == "__main__":
    main()
