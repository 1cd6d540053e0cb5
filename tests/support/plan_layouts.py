"""A seeded generator of plan layouts: one real plan tree rendered the many ways plans reach
the clerk (hard-wrapped PDF text, half-width punctuation, headings fused with their first
sentence, body paragraphs and labelled blocks under items, site furniture, no line breaks,
a Word file), so a test can parse each back and ask for the same tree.

The trees are real: the outlines people wrote for the labelled published plans
(tests/samples/public/, found/) that the parser reads exactly, and the sample plans of
tests/samples/plans/. Only what surrounds the titles is generated. Every case is made from
its seed alone, so a failure is replayed by its test id.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bench.fidelity import differences, labelled_documents, parsed_items
from planner_desktop.domain.outline_codes import render
from planner_desktop.ops.plan_import import preview_plan_document

Tree = list[tuple[int, str]]
PLANS = Path(__file__).resolve().parents[1] / "samples" / "plans"
STYLE_OF_LEVEL = {1: "cn", 2: "cn_paren", 3: "arabic", 4: "ar_paren"}
# Sentences of real plans, as body text: each has a comma early, so none reads as the
# headline of a measure, and none starts with anything a marker could be.
BODY = (
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务。",
    "围绕建设教育强县目标，加快推进教育现代化，努力办好人民满意的教育。",
    "严格落实中小学校党组织领导的校长负责制，推动党建工作与教育教学深度融合。",
    "持续深化教育评价改革，扎实推进义务教育优质均衡发展和城乡一体化。",
    "加大财政投入力度，统筹推进学校建设项目，确保按期建成投入使用。",
    "健全家校社协同育人机制，广泛开展心理健康教育和安全教育。",
    "按照上级部署要求，认真组织开展专项督导检查，及时通报存在的问题。",
    "结合我县实际，制定具体实施方案，明确责任分工和完成时限。",
)
LABELLED_LINES = (
    "责任单位：基础教育股", "牵头单位：办公室", "配合单位：计财股、人事股、各中小学",
    "完成时限：2024年12月底前", "责任领导：分管副局长", "目标任务：全面完成年度目标，群众满意度稳步提升。",
    "工作措施：细化任务清单，实行月调度、季通报。",
)
FURNITURE_BEFORE = ("首页 > 政务公开 > 工作计划", "发布时间：2024-03-05 09:30", "来源：县教育局",
                    "浏览次数：1286", "字号：大 中 小", "12.3KB", "共 5 页")
FURNITURE_AFTER = ("打印本页", "关闭窗口", "上一篇：关于做好寒假安全工作的通知", "扫一扫在手机打开",
                   "共 5 页", "分享到：")


def _clean_title(level: int, title: str) -> bool:
    """A title a layout can carry unchanged: no sentence in it, nothing a marker could read,
    short enough to stand as a heading or a first sentence."""
    return (0 < len(title) <= (30 if level == 1 else 24) and not re.search(r"[。；;！？!?:：]", title)
            and not re.match(r"[\d一二三四五六七八九十（(①-⑳*xX——]", title))


def _usable(tree: Tree) -> bool:
    levels = [level for level, _ in tree]
    return (len(tree) >= 3 and levels[0] == 1 and max(levels) <= 4
            and all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
            and all(_clean_title(level, title) for level, title in tree))


@cache
def real_trees() -> tuple[tuple[tuple[int, str], ...], ...]:
    """The trees the layouts are made from."""
    trees: list[Tree] = []
    for doc in labelled_documents():
        if _usable(doc.expected) and not differences(doc.expected, parsed_items(doc.text)):
            trees.append(doc.expected)
    for path in sorted(PLANS.glob("*.txt")):
        outline = preview_plan_document(None, path).outline
        tree = [(level, node.title) for level, node in outline.walk() if level <= 2]
        tree = [(level, title) for level, title in tree if _clean_title(level, title)]
        if _usable(tree):
            trees.append(tree)
    return tuple(tuple(t) for t in trees)


def _numbered(tree: Tree) -> list[tuple[int, str, str]]:
    """(level, marker, title) with the markers a plan writes, numbering restarting under each
    parent."""
    counters: dict[int, int] = {}
    out = []
    for level, title in tree:
        counters[level] = counters.get(level, 0) + 1
        for deeper in [d for d in counters if d > level]:
            del counters[deeper]
        out.append((level, render(STYLE_OF_LEVEL[level], counters[level]), title))
    return out


def _has_children(tree: Tree, index: int) -> bool:
    return index + 1 < len(tree) and tree[index + 1][0] > tree[index][0]


def paragraphs_of(tree: Tree, rng: random.Random, *, fused: bool = False, bodies: bool = False,
                  labelled: bool = False) -> list[str]:
    """The plan as paragraphs: its title, a preamble, then each item (a heading alone on its
    line when it has children, else its title and first sentence), with body paragraphs and
    labelled lines under items when asked; ``fused`` runs every heading into a sentence."""
    out = ["某县教育局2024年工作要点", rng.choice(BODY)]
    for index, (_level, marker, title) in enumerate(_numbered(tree)):
        parent = _has_children(tree, index)
        if parent and not fused:
            out.append(f"{marker}{title}")
        else:
            out.append(f"{marker}{title}。{rng.choice(BODY)}")
        if bodies and rng.random() < 0.6:
            out += [rng.choice(BODY) + rng.choice(BODY) for _ in range(rng.randint(1, 2))]
        if labelled and not parent and rng.random() < 0.7:
            out += rng.sample(LABELLED_LINES, rng.randint(1, 3))
    return out


def hard_wrapped(paragraphs: list[str], rng: random.Random) -> str:
    """Every paragraph cut into lines of one width, 25–40 characters, as a PDF's text layer."""
    width = rng.randint(25, 40)
    lines = []
    for para in paragraphs:
        lines += [para[i:i + width] for i in range(0, len(para), width)]
    return "\n".join(lines)


def half_width(text: str) -> str:
    """Full-width brackets and punctuation as sites store them: NFKC (（一） → (一), ， → ,)."""
    return unicodedata.normalize("NFKC", text)


def with_furniture(paragraphs: list[str], rng: random.Random) -> str:
    before = rng.sample(FURNITURE_BEFORE, rng.randint(2, len(FURNITURE_BEFORE)))
    after = rng.sample(FURNITURE_AFTER, rng.randint(2, len(FURNITURE_AFTER)))
    return "\n".join([*before, *paragraphs, *after])


def one_line(paragraphs: list[str], rng: random.Random) -> str:
    """No line breaks at all: paragraphs run together, or with a space between, as a preview
    page prints them."""
    return rng.choice(("", " ")).join(paragraphs)


def docx_file(paragraphs: list[str], path: Path) -> Path:
    import docx

    document = docx.Document()
    for para in paragraphs:
        document.add_paragraph(para)
    document.save(str(path))
    return path


def text_family(name: str) -> Callable[[Tree, random.Random], str]:
    """How the family ``name`` renders a tree as text."""
    return {
        "hard_wraps": lambda t, r: hard_wrapped(paragraphs_of(t, r), r),
        "half_width": lambda t, r: half_width("\n".join(paragraphs_of(t, r, bodies=True))),
        "fused_headings": lambda t, r: "\n".join(paragraphs_of(t, r, fused=True)),
        "body_paragraphs": lambda t, r: "\n".join(paragraphs_of(t, r, bodies=True)),
        "labelled_blocks": lambda t, r: "\n".join(paragraphs_of(t, r, labelled=True)),
        "site_furniture": lambda t, r: with_furniture(paragraphs_of(t, r, bodies=True), r),
        "no_line_breaks": lambda t, r: one_line(paragraphs_of(t, r, fused=True), r),
        "wrapped_half_width_furniture": lambda t, r: half_width(hard_wrapped(
            [*r.sample(FURNITURE_BEFORE, 3), *paragraphs_of(t, r, labelled=True)], r)),
    }[name]


TEXT_FAMILIES = ("hard_wraps", "half_width", "fused_headings", "body_paragraphs",
                 "labelled_blocks", "site_furniture", "no_line_breaks",
                 "wrapped_half_width_furniture")


def case(seed: int) -> tuple[Tree, random.Random]:
    """The tree and the random source of case ``seed``."""
    rng = random.Random(seed)
    trees = real_trees()
    return list(trees[rng.randrange(len(trees))]), rng
