"""Titles: where an item's heading phrase ends and its measures begin, and the document's own
title before the first item."""

from __future__ import annotations

import re

from planner_desktop.domain.plan_cleaning import SENTENCE_BREAK, TABLE_CELL

_TITLE_ENDINGS = (
    "建设", "发展", "工作", "体系", "机制", "格局", "水平", "改革", "管理", "质量", "保障", "防线", "布局",
    "就业", "培养", "升级", "服务", "教育", "能力", "防控", "经验", "指导", "负担", "研究", "成果", "领导",
    "阵地", "创新", "融合", "计划", "活动", "环境", "队伍", "条件", "治理", "转型", "基础", "作用", "品牌",
    "平台", "项目", "安全", "城市", "实验区", "工程", "制度", "规划", "事业", "课程", "氛围", "治党", "攻坚",
    "覆盖", "设施", "高中", "*", "X", "x",
    # the words of a plan's own section headings (工作思路以习近平…, 总体要求坚持…)
    "思路", "思想", "要求", "原则", "情况", "措施",
)
_CLAUSE_STARTERS = (
    "积极", "深入", "在全", "进一步", "继续", "坚持", "推进", "推动", "制订", "制定", "举办", "切实", "依法",
    "规范", "巩固", "开展", "以学习", "以", "持续", "优化", "组织", "新增", "逐步", "弘扬", "围绕", "完善",
    "加强", "健全", "建立", "落实", "实施", "加快", "大力", "扩大", "提升", "强化", "统筹", "支持", "鼓励",
    "着力", "深化", "加大", "按照", "根据", "认真", "严格", "抓好", "做好", "贯彻", "聚焦", "立足", "探索",
    "培育", "打造", "构建", "创建", "编制", "出台", "启动", "全面", "不断", "努力", "发挥", "召开",
)
# A dash bullet (——坚持育人为本) marks an item; it is no part of the title.
DASH_BULLET = "—－-"
# A heading run straight into a sentence that opens with the year (加大优质学位建设2022年,我市…).
_YEAR_FUSED = re.compile(r"(?<=[\u4e00-\u9fff])(?<![第至到和与、])(?=(?:19|20)\d\d年[,，])")
# A heading alone on its line, no mark in it, is a title whole (党建质量持续提升).
MAX_BARE_HEADING_CHARS = 30
_ANY_MARK = re.compile(r"[。！？!?；;，,：:、\n]")
# A heading set off from its first sentence by a space, as sites print them (一、总体思路 百年
# 大计,…; 主要工作及措施 2024年,学校…): a short phrase with no mark, the space, then a sentence.
_SPACE_FUSED = re.compile(
    r"^([\u4e00-\u9fff“”《》]{4,16}) (?=[\u4e00-\u9fff“]|(?:19|20)\d\d年[,，])(?=[^\n]{8})")


# A short label before a colon, then the measure's long sentences (学前教育项目:xx乡中心幼儿园、
# …; 学校管理目标:全面实施…,…): the label is the title. (A short sentence after the label is a
# headline, title whole: 彰显担当:政府履职评价再度夺冠。)
_LABEL_TITLE = re.compile(r"^([\u4e00-\u9fff“”《》]{2,12})[:：](?=[^\n]*[。；;])")


# A review's headline: what was done and how it went, with no mark before the measures
# (党建工作全面加强落实…, 教育资源供给加速扩张持续加大…): it ends on the verb of its result.
_RESULT_ADVERBS = "全面|加速|持续|稳步|不断|显著|明显|大幅|有效|扎实|进一步|日益|逐步"
_RESULT_VERBS = "加强|扩张|提升|推进|增强|改善|提高|优化|完善|深化|扩大|巩固|彰显|凸显|加快|规范"
_MEASURE_OPENINGS = "积极|深入|坚持|推进|推动|持续|落实|实施|加快|大力|着力"
_RESULT_HEADLINE = re.compile(
    rf"^([\u4e00-\u9fff“”]{{2,14}}?(?:{_RESULT_ADVERBS})(?:{_RESULT_VERBS}))(?={_MEASURE_OPENINGS})")
# A label that counts what it heads (一个目标：…, 三大工程：品质课程工程、…): what it counts is
# part of the title.
_COUNTED_LABEL = re.compile(r"^[一二两三四五六七八九十]{1,2}[个大项条种点][\u4e00-\u9fff]{1,6}[:：]")
# A heading of two short phrases side by side (加强领导,建立健全语言文字组织机构,明确分工…): a
# first phrase this short is half a heading, and the second completes it.
_PAIRED_HEADING = re.compile(r"^([^，,。；;：:\n]{4,6}[，,][^，,。；;：:\n]{4,16})[，,](?=[^\n]{8})")
# A comma and a word that carries the sentence on (…活动,将开学第一课 / 作为一项政治任务): a
# first line that holds one is a sentence wrapped, not a heading with its text below it.
_CLAUSE_GOES_ON = re.compile(r"[，,][将把对为使让由]")
# The longest first sentence that is a headline, title whole (two short clauses: 大力推动民办
# 义务教育规范发展,狠抓义务教育结构优化工作。).
MAX_HEADLINE_SENTENCE_CHARS = 28
# The longest first clause that is a title (根据“三纳入一渗透”（…）的要求): cut no shorter, since
# half a clause with … is no title a clerk would write.
MAX_CLAUSE_TITLE_CHARS = 80


def split_title(raw: str, has_children: bool = False) -> tuple[str, str]:
    """The heading phrase and the measures after it.

    The title is the first line when it is short and is no sentence (a heading with text
    below it), else the first sentence when it is short; for copies that lost their full stops
    it ends where a measure starts (``…防控积极开展…``), or at the first comma. Nothing is lost:
    what is not the title is the text.
    """
    raw = raw.strip().lstrip(DASH_BULLET)
    if not raw:
        return "", ""
    if TABLE_CELL in raw:  # a row of a table flattened to text: the title is in its first cell
        cell, _, others = raw.lstrip(f" {TABLE_CELL}").partition(TABLE_CELL)
        if cell.strip():
            sentence = SENTENCE_BREAK.search(cell)
            if sentence and sentence.start() <= MAX_CLAUSE_TITLE_CHARS:  # a task cell's sentence
                title, text = cell[:sentence.start()].strip(), cell[sentence.end():].strip()
            elif not sentence and len(cell.strip()) <= MAX_CLAUSE_TITLE_CHARS:  # a cell is whole
                title, text = cell.strip(), ""
            else:
                title, text = split_title(cell, has_children)
            return title, "\n".join(part for part in (text, others.strip(" |")) if part)
    if year := _YEAR_FUSED.search(raw[:MAX_BARE_HEADING_CHARS + 12]):
        return raw[:year.start()], raw[year.start():].strip()
    if len(raw) <= MAX_BARE_HEADING_CHARS and not _ANY_MARK.search(raw):
        return raw, ""  # a heading alone: nothing to cut it from
    if spaced := _SPACE_FUSED.match(raw):
        return spaced.group(1), raw[spaced.end():].strip()
    first, _, rest = raw.partition("\n")
    first = first.strip()
    if rest and len(first) <= 60 and not SENTENCE_BREAK.search(first.rstrip("。")) \
            and not _CLAUSE_GOES_ON.search(first):
        return first.rstrip("。：:"), rest.strip()
    if has_children and len(raw) <= 80 and not SENTENCE_BREAK.search(raw.rstrip("。：:")):
        return raw.rstrip("。：:"), ""
    flat = raw.replace("\n", "")
    if result := _RESULT_HEADLINE.match(flat):
        return result.group(1), flat[result.end():].strip()
    match = SENTENCE_BREAK.search(flat)
    if match and match.start() <= MAX_HEADLINE_SENTENCE_CHARS:
        return flat[:match.start()].strip(), flat[match.end():].strip()
    if paired := _PAIRED_HEADING.match(flat):
        return paired.group(1), flat[paired.end():].strip()
    counted = _COUNTED_LABEL.match(flat) is not None
    if not counted and (labelled := _LABEL_TITLE.match(flat)):
        return labelled.group(1), flat[labelled.end():].strip()
    split = _starter_split(flat, strict=True)
    if split:
        return flat[:split].strip().rstrip("，,"), flat[split:].strip()
    comma = re.search(r"[，,]" if counted else r"[，,：:]", flat)
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
    if comma and comma.start() <= MAX_CLAUSE_TITLE_CHARS:
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
        if not window.startswith(_CLAUSE_STARTERS, position) or window[position - 1] in "并和及与且":
            continue  # (…之中并制定…: the clause goes on)
        head = window[:position].rstrip("，,")
        if head.endswith(_TITLE_ENDINGS) or head[-1].isdecimal():
            return position
        if strict:
            continue
        if fallback is None and position >= 6:
            fallback = position
    return None if strict else fallback


def title_and_preamble(head: str) -> tuple[str, list[str]]:
    """The document's title (a first line that is no sentence) and the text before the first
    item."""
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    if not lines:
        return "", []
    first = lines[0]
    if len(first) <= 80 and not SENTENCE_BREAK.search(first):
        return first, lines[1:]
    return "", lines
