"""Reading the outline of a plan document (工作要点) into a tree of items.

Plans number their parts in every style: ``一、`` → ``（一）`` → ``1.`` → ``（1）`` → ``①``, and
``一是…二是…`` inside a paragraph; copies lose the brackets (``一加强…``), the dots (``1全面…``)
or the figures (``*.高水平…``), and whole plans arrive as one paragraph. The parser therefore
does not trust line breaks: it finds every place a marker could start, then accepts only the
ones that continue a numbering sequence (the next number of a style already seen, or 1 under a
new parent). Levels come from the styles actually present, in the order official documents
use them, so a missing level (一、 straight to 1.) does not leave a hole.

A paragraph without a marker under an item whose siblings have none either is an item too
(``（一）`` headings with one paragraph per measure, as half-year plans are written); otherwise
it is the introduction of the item above.

Documents that report on last year before planning this one (``…工作情况及2021年工作思路``,
``上半年工作总结与下半年工作计划``) are recognised by their top-level headings; only the plan
part is proposed, the whole stays available for the clerk to choose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from planner_desktop.domain.deadlines import Deadline, DeadlineKind, parse_deadline
from planner_desktop.domain.model import MAX_ITEM_CHARS, MAX_TITLE_CHARS, ItemDraft, PlanDraft
from planner_desktop.domain.outline_codes import (
    CHINESE_NUMERAL,
    CIRCLED,
    STYLES,
    label,
    number_value,
    parse_code,
)
from planner_desktop.domain.plan_cleaning import CleanText, SourceParagraph
from planner_desktop.domain.targets import Target, find_targets
from planner_desktop.domain.units import (
    MAX_UNIT_NAME_CHARS,
    Role,
    UnitMention,
    assign_roles,
    overlong_unit_names,
)
from planner_desktop.i18n import tr

# -- marker styles ------------------------------------------------------------------------------

# Lower ranks are higher in the outline. Heading styles without a written number sit just
# above the written style of the same depth.
RANK = {"heading1": 0.5, "cn": 1, "heading2": 1.5, "cn_paren": 2, "heading3": 2.5, "arabic": 3,
        "heading4": 3.5, "ar_paren": 4, "circled": 5, "para": 5.5, "shi": 6}
_CN = CHINESE_NUMERAL


def rank_of(family: str) -> float:
    """The rank of a style. Word's list levels (``list1:arabic``: level 1 of a list, numbered
    like 1.) rank as their number style, and deeper levels of one list below shallower ones,
    since a list may number two levels alike (1. and 1.)."""
    if family.startswith("list"):
        level, _, style = family[4:].partition(":")
        return RANK.get(style, 3) + 0.01 * int(level)
    return RANK[family]
_CJK_START = "[\u4e00-\u9fff“《\"*]"

# Markers of a copy that lost part of its code, tried when no written code starts the line:
# ``*.`` (the figure hidden) and a bare number before the text (``1全面…``).
_STAR = re.compile(r"^(\*{1,3})\s*[.．、]\s*")
_BARE_ARABIC = re.compile(rf"^(\d{{1,2}})(?={_CJK_START})")
_MID = re.compile(
    rf"(?<=[。；;！？!?\s：:，,）)])(?P<shi>{_CN})是(?={_CJK_START})"
    rf"|(?<=[。；;！？!?\s：:])[（(](?P<cnp>{_CN})[）)]"
    rf"|(?<=[。；;！？!?\s”])(?P<cn>{_CN})、"
    r"|(?<=[。；;！？!?\s：:])[（(](?P<arp>\d{1,2})[）)]"
    r"|(?<=[。；;！？!?\s])(?P<ar>\d{1,2})[.．、](?![\d.．])"
    r"|(?P<star>\*{1,3})[.．](?=[\u4e00-\u9fff“])"
    r"|(?<![\dA-Za-z.．%*第约近共达至和、~\-])(?P<arb>\d{1,2})(?=[\u4e00-\u9fff*“])"
    r"|(?<=[。；;！？!?\s])(?P<cnb>[一二三四五六七八九十])(?=[\u4e00-\u9fff])"
    rf"|(?P<circ>[{CIRCLED}])"
)
_MID_FAMILY = {"shi": "shi", "cnp": "cn_paren", "cn": "cn", "arp": "ar_paren", "ar": "arabic",
               "star": "arabic", "arb": "arabic", "cnb": "cn_paren", "circ": "circled"}
# After a bare number these characters make it a quantity or a date, not a marker.
_NOT_AFTER_BARE_DIGIT = set("年月日号时分秒个项名所家人次万亿元岁倍届期批级类位条件篇场天周台套只支株辆本"
                            "册份处座户间门部遍轮吨米余多种")
# After a bare Chinese numeral these make it a word: 一批, 一体, 一流, 二者 …
_NOT_AFTER_BARE_CN = set("是、，,.．个些批体流线样直律次定步年道起般致切同并面方边系项级类名所家对份种带"
                         "月日天周期生心意贯举揽站化张把条位届岗双责票否元旦手人要")
UNIT_LABELS = ("牵头单位|牵头股室|牵头科室|牵头部门|责任单位|责任股室|责任科室|责任部门|配合单位|配合股室"
               "|配合科室|配合部门|协办单位|责任领导|分管领导")
_UNIT_LINE = re.compile(rf"^(?:{UNIT_LABELS})\s*[:：]")
_UNIT_BRACKET = re.compile(rf"[（(]\s*((?:{UNIT_LABELS})\s*[:：][^（）()]*)[）)]")
_UNIT_TEXT = re.compile(rf"((?:{UNIT_LABELS})\s*[:：][^\n。]*)")
_DEADLINE_LABEL = re.compile(r"[（(]?(?:完成时限|完成时间|时限要求|时限)\s*[:：]\s*([^）)；;。\n]+)[）)]?")

_TITLE_ENDINGS = (
    "建设", "发展", "工作", "体系", "机制", "格局", "水平", "改革", "管理", "质量", "保障", "防线", "布局",
    "就业", "培养", "升级", "服务", "教育", "能力", "防控", "经验", "指导", "负担", "研究", "成果", "领导",
    "阵地", "创新", "融合", "计划", "活动", "环境", "队伍", "条件", "治理", "转型", "基础", "作用", "品牌",
    "平台", "项目", "安全", "城市", "实验区", "工程", "制度", "规划", "事业", "课程", "氛围", "治党", "攻坚",
    "覆盖", "设施", "高中", "*", "X", "x",
)
_CLAUSE_STARTERS = (
    "积极", "深入", "在全", "进一步", "继续", "坚持", "推进", "推动", "制订", "制定", "举办", "切实", "依法",
    "规范", "巩固", "开展", "以学习", "以", "持续", "优化", "组织", "新增", "逐步", "弘扬", "围绕", "完善",
    "加强", "健全", "建立", "落实", "实施", "加快", "大力", "扩大", "提升", "强化", "统筹", "支持", "鼓励",
    "着力", "深化", "加大", "按照", "根据", "认真", "严格", "抓好", "做好", "贯彻", "聚焦", "立足", "探索",
    "培育", "打造", "构建", "创建", "编制", "出台", "启动", "全面", "不断", "努力", "发挥", "召开",
)
_SENTENCE_BREAK = re.compile(r"[。！？!?；;]")

# -- deadlines written in the text ----------------------------------------------------------------

_MONTH = (r"(?:\d{1,2}|元|[一二三四五六七八九十]{1,2})月(?:份)?(?:\d{1,2}[日号])?"
          r"(?:份|底|末|初|上旬|中旬|下旬)?")
_WHEN = (r"(?:(?:19|20)\d{2}年(?:底|末|内)|(?:(?:19|20)\d{2}年)?(?:" + _MONTH
         + r"|年底|年末|年内|上半年|下半年|年中|第[一二三四1-4]季度))")
_DEADLINE_PHRASE = re.compile(
    rf"{_WHEN}(?:[、和至到\-]{_WHEN})?(?:以前|之前|前|间|内)(?:全面|全部|基本)?(?:完成|到位|完工|竣工|发放到位|建成)?"
    rf"|{_WHEN}(?:全面|全部|基本)?(?:完成|完工|竣工|建成)"
    r"|按时完工|按时完成|按期完成|如期完成|按期完工|如期交账|长期坚持"
    r"|每(?:个)?(?:月|季度|半年|学期|年)[^，,。；;]{0,6}?(?:\d{1,2}[日号])前"
)


def deadline_phrases(text: str) -> list[str]:
    """The phrases of ``text`` that say when: 11月30日前, 12月份前完成, 2021年元月15日前, 按时完工."""
    return list(dict.fromkeys(m.group(0) for m in _DEADLINE_PHRASE.finditer(text)))


def deadline_of(text: str, year: int) -> Deadline | None:
    """The item's deadline from its text: all its phrases together, due on the latest date."""
    phrases = deadline_phrases(text)
    if not phrases:
        return None
    return parse_deadline("；".join(phrases), year)


# -- the tree -------------------------------------------------------------------------------------

@dataclass
class OutlineNode:
    """An item proposed from the document; ``start``/``end`` are offsets in the source text."""

    family: str
    number: int | None
    title: str
    text: str = ""
    start: int = 0
    end: int = 0
    paragraph: int = 0  # 1-based paragraph of the file where it starts
    children: list[OutlineNode] = field(default_factory=list)
    code: str = ""
    targets: list[Target] = field(default_factory=list)
    deadline: Deadline | None = None
    units: list[UnitMention] = field(default_factory=list)  # written in the text, or set
    suggested_lead: str = ""  # from the keyword table: a suggestion until confirmed
    lead_confirmed: bool = False
    edited: bool = False  # title changed by the clerk
    overlong_units: list[str] = field(default_factory=list)  # "names" too long to be units

    def walk(self, level: int = 1) -> Iterator[tuple[int, OutlineNode]]:
        yield level, self
        for child in self.children:
            yield from child.walk(level + 1)

    @property
    def lead(self) -> str:
        """The lead unit that will be written: one the text or the clerk named, else a
        confirmed suggestion, else nothing."""
        named = next((m.name for m in self.units if m.role is Role.LEAD), "")
        if named:
            return named
        return self.suggested_lead if self.lead_confirmed else ""

    def support(self) -> list[str]:
        return [m.name for m in self.units if m.role is Role.SUPPORT]

    def full_text(self) -> str:
        return f"{self.title}。{self.text}" if self.text else self.title


@dataclass
class PlanOutline:
    """A document read into items: the whole tree and, for a report-plus-plan, the plan part."""

    title: str
    year: int
    source: str  # the cleaned text the offsets point into
    preamble: str
    roots: list[OutlineNode]  # the whole document
    plan_part: OutlineNode | None = None  # the heading whose children are the plan, if mixed
    use_plan_part: bool = True
    removed: list[str] = field(default_factory=list)
    joined: int = 0
    year_found: bool = True

    @property
    def items(self) -> list[OutlineNode]:
        """The top-level items proposed: the plan part's children, or the whole tree."""
        if self.plan_part is not None and self.use_plan_part:
            return self.plan_part.children
        return self.roots

    @items.setter
    def items(self, value: list[OutlineNode]) -> None:
        if self.plan_part is not None and self.use_plan_part:
            self.plan_part.children = value
        else:
            self.roots = value

    def walk(self) -> Iterator[tuple[int, OutlineNode]]:
        for node in self.items:
            yield from node.walk()

    def levels(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for level, _ in self.walk():
            counts[str(level)] = counts.get(str(level), 0) + 1
        return counts

    def count(self) -> int:
        return sum(1 for _ in self.walk())

    def sections(self) -> list[str]:
        return [node.title for node in self.items]


# -- finding the markers --------------------------------------------------------------------------

@dataclass
class _Candidate:
    pos: int  # where the marker starts in the source text
    end: int  # where the item's own text starts
    family: str
    number: int | None  # None: a figure the copy hid (*.)
    lead: bool  # at the start of a paragraph (or Word's own numbering)
    bare: bool  # no punctuation after the number: 一加强…, 1全面…
    paragraph: int


def lead_marker(line: str) -> tuple[str, int | None, int, bool] | None:
    """(family, number, length, bare) of the marker a line starts with, or None."""
    code = parse_code(line)
    if code is not None:
        return code.style, code.number, code.end, False
    if match := _STAR.match(line):
        return "arabic", None, match.end(), False
    match = _BARE_ARABIC.match(line)
    if match and line[match.end():match.end() + 1] not in _NOT_AFTER_BARE_DIGIT:
        return "arabic", int(match.group(1)), match.end(), True
    return None


def starts_with_marker(line: str) -> bool:
    """Whether a line begins an item (so it is never joined to the line before it)."""
    found = lead_marker(line)
    return (found is not None and not found[3]) or bool(_UNIT_LINE.match(line))


def _mid_candidates(text: str, base: int, start: int, paragraph: int) -> Iterator[_Candidate]:
    for match in _MID.finditer(text, start):
        kind = match.lastgroup
        number_text = match.group(kind)
        family = _MID_FAMILY[kind]
        after = text[match.end():match.end() + 1]
        if kind == "arb" and after in _NOT_AFTER_BARE_DIGIT:
            continue
        if kind == "cnb" and (after in _NOT_AFTER_BARE_CN or "。" not in text[match.end():match.end() + 40]):
            continue
        number = None if kind == "star" else number_value(number_text)
        if kind != "star" and number is None:
            continue
        yield _Candidate(base + match.start(), base + match.end(), family, number, False,
                         kind in ("arb", "cnb", "star"), paragraph)


class _Walker:
    """Accepts the markers that continue a numbering; the state of every style seen so far."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.restart: dict[str, bool] = {}  # a higher marker came since this style's last one
        self.accepted: list[_Candidate] = []

    def _sequence_ok(self, c: _Candidate) -> bool:
        family = c.family
        if family not in self.last:
            return c.number == 1
        return c.number == self.last[family] + 1 or (c.number == 1 and self.restart[family])

    def consider(self, c: _Candidate, lead_rank: float | None) -> bool:
        rank = rank_of(c.family)
        previous = self.accepted[-1] if self.accepted else None
        if c.number is None:  # *. : the next number of its style
            if lead_rank is not None and rank <= lead_rank and not c.lead:
                return False
            c.number = self.last.get(c.family, 0) + 1
        elif c.lead and not c.bare:
            pass  # a written marker at the start of a paragraph is taken as it is
        else:
            if not self._sequence_ok(c):
                return False
            if not c.lead and c.bare and lead_rank is not None and rank <= lead_rank:
                return False
            if c.bare and c.number == 1 and (previous is None or rank_of(previous.family) >= rank
                                             or c.pos - previous.end > 80):
                return False  # a bare 1 is only believed right after its parent heading
        self.accept(c)
        return True

    def accept(self, c: _Candidate) -> None:
        rank = rank_of(c.family)
        for family in self.last:
            if rank_of(family) > rank:
                self.restart[family] = True
        self.last[c.family] = c.number or 0
        self.restart[c.family] = False
        self.accepted.append(c)


def _heading_candidate(para: SourceParagraph, base: int) -> _Candidate | None:
    if para.heading is None or not 1 <= para.heading <= 4:
        return None
    return _Candidate(base, base, f"heading{para.heading}", None, True, False, para.index)


def _find_markers(paragraphs: list[SourceParagraph], offsets: list[int]) -> list[_Candidate]:
    walker = _Walker()
    for para, base in zip(paragraphs, offsets, strict=True):
        line = para.line
        lead_rank: float | None = None
        start = 0
        found = lead_marker(line)
        candidate = None
        if found is not None:
            family, number, length, bare = found
            if para.label and para.list_level is not None:
                family, bare = f"list{para.list_level}:{family}", False
            candidate = _Candidate(base, base + length, family, number, True, bare, para.index)
        elif para.heading is not None:
            candidate = _heading_candidate(para, base)
        if candidate is not None:
            if candidate.family.startswith("heading"):
                candidate.number = walker.last.get(candidate.family, 0) + 1
                walker.accept(candidate)
                lead_rank = rank_of(candidate.family)
            elif walker.consider(candidate, None):
                lead_rank = rank_of(candidate.family)
                start = candidate.end - base
        if lead_rank is None and walker.accepted and not _UNIT_LINE.match(line):
            para_node = _Candidate(base, base, "para", 0, True, False, para.index)
            walker.accept(para_node)
            lead_rank = rank_of("para") if len(line) < 400 else None
        for mid in _mid_candidates(line, base, start, para.index):
            walker.consider(mid, lead_rank)
    return walker.accepted


# -- titles ---------------------------------------------------------------------------------------

def split_title(raw: str, has_children: bool = False) -> tuple[str, str]:
    """The heading phrase and the measures after it.

    The title is the first line when it is short and is no sentence (a heading with text
    below it), else the first sentence when it is short; for copies that lost their full stops
    it ends where a measure starts (``…防控积极开展…``), or at the first comma. Nothing is lost:
    what is not the title is the text.
    """
    raw = raw.strip()
    if not raw:
        return "", ""
    first, _, rest = raw.partition("\n")
    first = first.strip()
    if rest and len(first) <= 60 and not _SENTENCE_BREAK.search(first.rstrip("。")):
        return first.rstrip("。：:"), rest.strip()
    if has_children and len(raw) <= 80 and not _SENTENCE_BREAK.search(raw.rstrip("。：:")):
        return raw.rstrip("。：:"), ""
    flat = raw.replace("\n", "")
    match = _SENTENCE_BREAK.search(flat)
    if match and match.start() <= 24:
        return flat[:match.start()].strip(), flat[match.end():].strip()
    split = _starter_split(flat, strict=True)
    if split:
        return flat[:split].strip().rstrip("，,"), flat[split:].strip()
    comma = re.search(r"[，,：:]", flat)
    if comma and 4 <= comma.start() <= 30 and flat[:comma.start()].endswith(_TITLE_ENDINGS):
        return flat[:comma.start()].strip(), flat[comma.end():].strip()
    if match and match.start() <= 50:
        return flat[:match.start()].strip(), flat[match.end():].strip()
    split = _starter_split(flat)
    if split:
        return flat[:split].strip().rstrip("，,"), flat[split:].strip()
    comma = re.search(r"[，,：:]", flat)
    if comma and 4 <= comma.start() <= 40:
        return flat[:comma.start()].strip(), flat[comma.end():].strip()
    if len(flat) <= 40:
        return flat.rstrip("。"), ""
    return flat[:30] + "…", flat


def _starter_split(text: str, strict: bool = False) -> int | None:
    """Where a title run into its text ends: before a measure's opening verb, after a word a
    heading ends with (``strict``: only there, within 30 characters); failing that, before an
    opening verb from the sixth character on."""
    window = text[:32] if strict else text[:48]
    fallback = None
    for position in range(4, len(window) - 1):
        if not window.startswith(_CLAUSE_STARTERS, position):
            continue
        head = window[:position].rstrip("，,")
        if head.endswith(_TITLE_ENDINGS) or head[-1].isdecimal():
            return position
        if strict:
            continue
        if fallback is None and position >= 6:
            fallback = position
    return None if strict else fallback


# -- building ----------------------------------------------------------------------------------

def _number_label(node: OutlineNode, position: int) -> str:
    """The node's step of its path code: its number (its position when it has none) in its
    style; a paragraph without a style is its position."""
    number = node.number if node.number else position
    style = node.family.partition(":")[2] if node.family.startswith("list") else node.family
    return label(style, number) if style in STYLES else str(position)


def renumber(nodes: list[OutlineNode], prefix: str = "") -> None:
    """Codes such as ``一.3`` and ``二.(一).2``: the path of the numbers as written (positions
    for paragraphs that have none)."""
    for position, node in enumerate(nodes, 1):
        label = _number_label(node, position)
        node.code = f"{prefix}.{label}" if prefix else label
        renumber(node.children, node.code)


def _fold_paragraphs(nodes: list[OutlineNode], source: str, raw: dict[int, str],
                     intro_of: OutlineNode | None, preamble: list[str]) -> list[OutlineNode]:
    """Unnumbered paragraphs beside numbered siblings are the introduction of their parent
    (or, at the top, of the plan)."""
    numbered = any(n.family != "para" for n in nodes)
    kept = []
    for node in nodes:
        if numbered and node.family == "para" and not node.children:
            text = source[node.start:node.end].strip()
            if intro_of is not None:
                raw[id(intro_of)] = f"{raw[id(intro_of)].rstrip()}\n{text}"
            else:
                preamble.append(text)
            continue
        node.children = _fold_paragraphs(node.children, source, raw, node, preamble)
        kept.append(node)
    return kept


def _fill(node: OutlineNode, raw: str, year: int, known_units: frozenset[str]) -> None:
    """Title, text, units, targets and deadline of an item from its raw words. Units and a
    完成时限 written in brackets or on lines of their own are taken out of the title and text;
    a ``known_units`` name (``Roster.known_keys``) is not cut at the separators in it."""
    units_text = [m.group(1) for m in _UNIT_BRACKET.finditer(raw)]
    lines = []
    for line in raw.split("\n"):
        if _UNIT_LINE.match(line.strip()):
            units_text.append(line.strip())
        else:
            lines.append(line)
    body = "\n".join(lines).strip()
    if not units_text and (inline := _UNIT_TEXT.search(body)):
        units_text.append(inline.group(1))
    labelled = _DEADLINE_LABEL.search(body)
    words = _DEADLINE_LABEL.sub("", _UNIT_BRACKET.sub("", body)).strip()
    node.title, node.text = split_title(words, bool(node.children))
    node.units = assign_roles("；".join(units_text), None, None, known_units) \
        if units_text else []
    node.overlong_units = overlong_unit_names("；".join(units_text), known_units)
    node.targets = find_targets(node.full_text())
    node.deadline = parse_deadline(labelled.group(1).strip(), year) if labelled else deadline_of(words, year)


_PLAN_HEADING = re.compile(
    r"(?:计划|打算|思路|安排|要点|重点工作|目标任务|主要任务|工作重点|下一步|下半年|明年)")
_REPORT_HEADING = re.compile(r"(?:情况|成效|成绩|总结|回顾|困难|问题|不足|做法|亮点|经验|主要工作)")
_YEAR = re.compile(r"((?:19|20)\d{2})年")


def find_plan_part(roots: list[OutlineNode]) -> OutlineNode | None:
    """In a report followed by a plan, the top-level heading whose children are the plan."""
    plans = [n for n in roots if _PLAN_HEADING.search(n.title) and not _REPORT_HEADING.search(n.title)]
    reports = [n for n in roots if _REPORT_HEADING.search(n.title) and n not in plans]
    if len(plans) == 1 and reports and plans[0].children:
        return plans[0]
    return None


def parse_outline(clean: CleanText, *, year: int | None = None, default_year: int = 2024,
                  title: str | None = None,
                  known_units: frozenset[str] = frozenset()) -> PlanOutline:
    """The outline of cleaned paragraphs. ``year`` (the clerk's) wins over the year written in
    the plan part's heading or the title; ``default_year`` is used when neither says.
    ``known_units`` are the roster's names (``Roster.known_keys``), kept whole in unit cells."""
    paragraphs = clean.paragraphs
    offsets, position = [], 0
    for para in paragraphs:
        offsets.append(position)
        position += len(para.line) + 1
    source = "\n".join(p.line for p in paragraphs)
    accepted = _find_markers(paragraphs, offsets)
    if not accepted:
        accepted = _paragraph_items(paragraphs, offsets)
    roots: list[OutlineNode] = []
    stack: list[OutlineNode] = []
    raw: dict[int, str] = {}
    for index, c in enumerate(accepted):
        end = accepted[index + 1].pos if index + 1 < len(accepted) else len(source)
        node = OutlineNode(c.family, c.number, "", start=c.pos, end=end, paragraph=c.paragraph)
        raw[id(node)] = source[c.end:end]
        while stack and rank_of(stack[-1].family) >= rank_of(c.family):
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    head = source[:accepted[0].pos] if accepted else source
    doc_title, preamble_lines = _title_and_preamble(head)
    roots = _fold_paragraphs(roots, source, raw, None, preamble_lines)
    for root in roots:
        for _, node in root.walk():
            node.title, node.text = split_title(raw[id(node)], bool(node.children))
    if len(roots) == 1 and roots[0].family.startswith("heading") and len(roots[0].children) >= 2:
        # the document's title set in a heading style: its children are the plan
        only = roots[0]
        doc_title = doc_title or only.title
        preamble_lines += [only.text] if only.text else []
        roots = only.children
    outline = PlanOutline(title or doc_title, 0, source, "", roots, removed=clean.removed,
                          joined=clean.joined)
    if not has_outline(outline):
        roots = outline.roots = []  # told as a text without numbered items
    outline.plan_part = find_plan_part(roots)
    if year is None:
        year, outline.year_found = _guess_year(outline, doc_title, default_year)
    outline.year = year
    for root in roots:
        for _, node in root.walk():
            _fill(node, raw[id(node)], year, known_units)
    preamble = "\n".join(preamble_lines).strip()
    if outline.plan_part is not None and outline.plan_part.text:
        preamble = "\n".join(x for x in (preamble, outline.plan_part.text) if x)
    outline.preamble = preamble
    renumber(outline.items)
    return outline


def has_outline(outline: PlanOutline) -> bool:
    """Whether any item is one a plan could hold: a text whose every "item" runs over
    MAX_ITEM_CHARS (a 50 MB file with a 1. somewhere in it) has no outline at all, and is
    refused as a text without numbered items rather than imported as one giant item."""
    return any(len(node.title) + len(node.text) <= MAX_ITEM_CHARS for _, node in outline.walk())


def length_warnings(outline: PlanOutline, title: str) -> list[str]:
    """A warning for a plan title over MAX_TITLE_CHARS, each item whose own text runs over
    MAX_ITEM_CHARS (a numbering lost in the middle of the plan), and each unit "name" over
    MAX_UNIT_NAME_CHARS (not made a unit), naming the item by its code and paragraph."""
    warnings = []
    if len(title) > MAX_TITLE_CHARS:
        warnings.append(tr("计划标题有 {count} 个字，超过 {limit} 字，请改为简短的标题。").format(
            count=len(title), limit=MAX_TITLE_CHARS))
    if len(outline.preamble) > MAX_ITEM_CHARS:
        warnings.append(tr("第一个要点之前的文字有 {count} 个字，超过 {limit} 字，请核对是否选对了"
                           "文件、标题和编号是否完整。").format(count=len(outline.preamble),
                                                      limit=MAX_ITEM_CHARS))
    for _, node in outline.walk():
        where = tr("第 {paragraph} 段的要点 {code}（“{title}”）").format(
            paragraph=node.paragraph, code=node.code, title=node.title[:20])
        size = len(node.title) + len(node.text)
        if size > MAX_ITEM_CHARS:
            warnings.append(tr("{where}有 {count} 个字，超过 {limit} 字，可能漏掉了编号，"
                               "请核对后拆分。").format(where=where, count=size,
                                                    limit=MAX_ITEM_CHARS))
        for name in node.overlong_units:
            warnings.append(tr("{where}写的单位“{name}…”有 {count} 个字，超过 {limit} 字，"
                               "不像是单位名称，没有作为单位导入。").format(
                where=where, name=name[:20], count=len(name), limit=MAX_UNIT_NAME_CHARS))
    return warnings


# More paragraphs than any plan has items (a county's runs to 300): without numbering, such
# a text is not a plan, and is told as a text without numbered items.
MAX_UNNUMBERED_ITEMS = 1_000


def _paragraph_items(paragraphs: list[SourceParagraph], offsets: list[int]) -> list[_Candidate]:
    """A plan with no numbering at all: every paragraph after the title is an item, so the
    clerk starts from a list to arrange rather than from nothing."""
    body = list(zip(paragraphs, offsets, strict=True))
    if body and len(body[0][0].line) <= 80 and not _SENTENCE_BREAK.search(body[0][0].line):
        body = body[1:]
    if not 2 <= len(body) <= MAX_UNNUMBERED_ITEMS:
        return []
    return [_Candidate(base, base, "para", 0, True, False, para.index) for para, base in body]


def set_year(outline: PlanOutline, year: int) -> None:
    """The clerk corrected the plan's year: deadlines written without one are dated again."""
    outline.year = year
    for _, node in outline.walk():
        if node.deadline is not None and node.deadline.text:
            node.deadline = parse_deadline(node.deadline.text, year)


def _title_and_preamble(head: str) -> tuple[str, list[str]]:
    """The document's title (a first line that is no sentence) and the text before the first
    item."""
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    if not lines:
        return "", []
    first = lines[0]
    if len(first) <= 80 and not _SENTENCE_BREAK.search(first):
        return first, lines[1:]
    return "", lines


def _guess_year(outline: PlanOutline, doc_title: str, default: int) -> tuple[int, bool]:
    if outline.plan_part is not None and (m := _YEAR.search(outline.plan_part.title)):
        return int(m.group(1)), True
    years = [int(y) for y in _YEAR.findall(doc_title)]
    if years:
        return max(years), True
    return default, False


# -- suggestions --------------------------------------------------------------------------------

def apply_suggestions(outline: PlanOutline, suggest) -> None:
    """Set every item's suggested lead from ``suggest(title, text) -> name``; items whose text
    names its own lead keep it."""
    for _, node in outline.walk():
        node.suggested_lead = suggest(node.title, node.text) or ""
        if node.lead and node.lead != node.suggested_lead:
            node.lead_confirmed = False


# -- the clerk's edits ----------------------------------------------------------------------------

def _locate(nodes: list[OutlineNode], node: OutlineNode,
            parent: OutlineNode | None = None) -> tuple[list[OutlineNode], int, OutlineNode | None] | None:
    for index, candidate in enumerate(nodes):
        if candidate is node:
            return nodes, index, parent
        found = _locate(candidate.children, node, candidate)
        if found:
            return found
    return None


def demote(outline: PlanOutline, node: OutlineNode) -> bool:
    """The item becomes the last child of the item before it (False when it is the first)."""
    siblings, index, _ = _require(outline, node)
    if index == 0:
        return False
    siblings.pop(index)
    siblings[index - 1].children.append(node)
    renumber(outline.items)
    return True


def promote(outline: PlanOutline, node: OutlineNode) -> bool:
    """The item moves up a level, after its parent; the siblings that followed it become its
    children, as in Word's outline view (the document order is kept)."""
    siblings, index, parent = _require(outline, node)
    if parent is None:
        return False
    followers = siblings[index + 1:]
    del siblings[index:]
    node.children.extend(followers)
    outer, parent_index, _ = _require(outline, parent)
    outer.insert(parent_index + 1, node)
    renumber(outline.items)
    return True


def merge_with_next(outline: PlanOutline, node: OutlineNode, year: int | None = None) -> bool:
    """The item and the sibling after it become one item (the first one's title, both texts,
    both children, both units)."""
    siblings, index, _ = _require(outline, node)
    if index + 1 >= len(siblings):
        return False
    other = siblings.pop(index + 1)
    node.text = "\n".join(t for t in (node.text, other.full_text()) if t)
    node.children.extend(other.children)
    node.end = max(node.end, other.end)
    node.units.extend(m for m in other.units if m.name not in {u.name for u in node.units})
    refresh(node, year or outline.year)
    renumber(outline.items)
    return True


def split(outline: PlanOutline, node: OutlineNode, at: int, year: int | None = None) -> OutlineNode | None:
    """Split the item's own text at character ``at`` of ``node.text``: the second part becomes
    the next sibling, with the children."""
    siblings, index, _ = _require(outline, node)
    if not 0 < at < len(node.text):
        return None
    first, second = node.text[:at].strip(), node.text[at:].strip()
    if not second:
        return None
    title, text = split_title(second)
    new = OutlineNode(node.family, None, title, text, start=node.start, end=node.end,
                      paragraph=node.paragraph, children=node.children)
    node.children = []
    node.text = first
    siblings.insert(index + 1, new)
    refresh(node, year or outline.year)
    refresh(new, year or outline.year)
    renumber(outline.items)
    return new


def rename(node: OutlineNode, title: str) -> None:
    node.title = title.strip()
    node.edited = True


def set_units(node: OutlineNode, lead: str, support: list[str]) -> None:
    """The clerk's units replace what was read from the text; a lead the clerk sets is
    confirmed."""
    mentions = [UnitMention(lead.strip(), Role.LEAD)] if lead.strip() else []
    mentions += [UnitMention(name.strip(), Role.SUPPORT) for name in support
                 if name.strip() and name.strip() != lead.strip()]
    node.units = mentions
    node.lead_confirmed = bool(lead.strip())


def set_deadline(node: OutlineNode, text: str, year: int) -> None:
    node.deadline = parse_deadline(text, year) if text.strip() else None


def confirm_suggestion(node: OutlineNode) -> None:
    if node.suggested_lead:
        node.lead_confirmed = True


def refresh(node: OutlineNode, year: int) -> None:
    """Targets and deadline again after the text changed."""
    node.targets = find_targets(node.full_text())
    written = deadline_of(node.full_text(), year)
    if written is not None or (node.deadline and node.deadline.kind is not DeadlineKind.NONE):
        node.deadline = written or node.deadline


def _require(outline: PlanOutline, node: OutlineNode):
    found = _locate(outline.items, node)
    if found is None:
        raise ValueError("node is not in the outline")
    return found


# -- to the ledger ---------------------------------------------------------------------------------

def to_draft(outline: PlanOutline, title: str | None = None) -> PlanDraft:
    """The plan as the store writes it: lead (as set or confirmed) and support units."""
    def convert(node: OutlineNode) -> ItemDraft:
        units = [m for m in node.units if m.role is not Role.LEAD]
        if node.lead:
            units.insert(0, UnitMention(node.lead, Role.LEAD))
        return ItemDraft(code=node.code, title=node.title, text=node.text, deadline=node.deadline,
                         units=tuple(units), targets=tuple(node.targets),
                         children=[convert(c) for c in node.children],
                         source_ref=f"第{node.paragraph}段")

    return PlanDraft(title=title or outline.title or "工作要点", year=outline.year,
                     preamble=outline.preamble, items=[convert(n) for n in outline.items])
