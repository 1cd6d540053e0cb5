"""Quantitative targets (量化指标) in an item's text: ``新增国家高新技术企业12家``.

A target is a number with its measure word and the thing counted. The supervision office
checks these at half-year and year end, so each one found saves the clerk a read of the
whole plan, and each false one (a year, ``第3季度``, ``一对一``, ``四个意识``) is noise in the
list they check. The rules therefore prefer missing an odd target to inventing one.

Placeholders such as ``x个``, ``X%``, ``*所`` (figures the published copy hid or the drafter
left open) are kept as targets still to be filled in.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from planner_desktop.domain.text import chinese_numeral_to_int


@dataclass(frozen=True)
class Target:
    """One figure to check at the year's end.

    ``comparator`` says how the figure binds: ``>=`` for 不少于/达到/达/以上/余 and a range's
    lower bound (1－2项 gives 1), ``<=`` for 不超过/控制在/以内/以下, '' when the text says
    neither. ``subject`` is best effort, for reading; ``text`` is the whole phrase.
    """

    text: str  # the phrase the target belongs to: 新增国家高新技术企业12家
    number: float | None  # None for a placeholder
    unit: str  # the measure word: 家, %, 所, 万元, 人次 …
    subject: str  # what is counted: 国家高新技术企业 ('' when the text does not say)
    placeholder: bool
    comparator: str  # '' | '>=' | '<='
    start: int  # offsets in the text of the number through the measure word (and 以上 …)
    end: int


# Measure words that count things; the thing counted may follow them (培育8个名师工作室).
COUNTERS = (
    "家", "所", "个", "对", "项", "名", "人", "次", "台", "套", "间", "门", "篇", "场", "期",
    "支", "批", "班", "件", "册", "份", "条", "座", "处", "节", "户", "块", "辆", "部",
    "人次", "场次", "校次", "批次",
)
# Measures of amount; what they measure is written before them (覆盖率达80%).
AMOUNTS = (
    "%", "‰", "个百分点", "百分点", "元", "亿元", "万元", "个亿", "平方米", "万平方米", "平方公里",
    "公里", "亩", "小时", "学时", "课时", "学分", "天", "万人", "万人次", "万份", "万册",
)
MEASURE_WORDS = COUNTERS + AMOUNTS
# A Chinese numeral counts only before these: 建设三所 is a target, 四个意识 and 一对一 are
# slogans, 三项暖民心行动 a name. Digits are not restricted this way.
_CHINESE_COUNTABLE = frozenset(
    ("所", "家", "对", "名", "人", "台", "套", "间", "篇", "户", "座", "元", "万元", "亿元",
     "平方米", "学时", "课时", "小时", "人次")
)
_TIME_MEASURES = frozenset(("天", "小时"))

# A measure word followed by these characters is the start of another word: *家庭, X人才,
# 3项目, 6个月, 4个100%.
_NOT_A_MEASURE_BEFORE: dict[str, str] = {
    "家": "庭长乡属园风校教访",
    "名": "单称校师额誉义次牌录列优片人著",
    "个": "人体性案月别",
    "所": "在属有以得需长谓",
    "项": "目",
    "次": "数要年日序",
    "人": "才员民口数事均大们士力社文工生格身体",
    "台": "账阶风湾上",
    "套": "餐",
    "间": "隔断接距歇",
    "门": "户类口诊槛卫前",
    "篇": "章幅",
    "场": "地所馆景合面域址长上内外",
    "期": "间末中刊限待望货盼",
    "支": "持部付出撑援教配",
    "批": "准复评示发",
    "班": "级子额主车长",
    "件": "事数",
    "份": "额子",
    "条": "件例款线目理",
    "座": "谈位",
    "处": "分理置级室长罚于",
    "节": "约能日点奏目",
    "户": "籍外口",
    "元": "旦素年",
    "天": "然地空下气",
    "对": "象接于口照标外话待策比应称立抗",
}

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_PLACEHOLDER = r"(?<![A-Za-z])(?:[xX×*]{1,3})(?![A-Za-z])"
_CHINESE_DIGITS = "一二两三四五六七八九十百"
_CHINESE = rf"[{_CHINESE_DIGITS}]+"
_MEASURE = "|".join(re.escape(w) for w in sorted(MEASURE_WORDS, key=len, reverse=True))
_TARGET = re.compile(
    rf"(?<![\d.])(?:(?P<low>{_DIGITS})\s*[-－~～—至到]\s*)?"
    rf"(?P<number>{_DIGITS}|{_PLACEHOLDER}|{_CHINESE})"
    rf"\s*(?P<approx>余|多)?(?P<unit>{_MEASURE})(?P<after>及以上|以上|以内|以下|左右)?"
)
# Full-width digits and signs written in some copies, mapped one to one so offsets hold.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９％．ｘＸ＊，", "0123456789%.xX*,")
# What every target has, in the text as written: the last character of a number (a digit,
# half- or full-width, since \d matches both; a placeholder; a Chinese numeral) right before
# its measure word. Most cells of a task list have none, and this pattern tells so in a
# fraction of the time of translating the text and running ``_TARGET`` (which the regex
# engine must try at every position; this one starts with a character class it skips to).
_CANDIDATE = re.compile(rf"[\dxX×*ｘＸ＊{_CHINESE_DIGITS}]\s*(?:余|多)?(?:{_MEASURE}|％)")

_CLAUSE_BREAK = re.compile(r"[，,。；;：:、！？!?\n\r\t]")
_AT_LEAST = ("不少于", "不低于", "不小于", "达到", "到达", "提高到", "提高至", "提升到", "提升至",
             "增加到", "增至", "超过", "至少", "达", "超", "≥", ">=")
_AT_MOST = ("不超过", "不高于", "不多于", "不大于", "控制在", "降低到", "降低至", "降至", "低于",
            "少于", "≤", "<=")
_AFTER_COMPARATORS = {"及以上": ">=", "以上": ">=", "以内": "<=", "以下": "<=", "左右": ""}


def _longest_first(*words: str) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


# Words cut from the end of the phrase before a number: they say how much, not what.
_TRAILING_FILLER = _longest_first(
    *_AT_LEAST, *_AT_MOST, "保持在", "稳定在", "均", "约", "近", "共计", "共", "累计", "合计",
    "总计", "分别", "为", "是", "占", "有", "了", "新增", "增加", "增长", "提高", "提升", "下降",
    "减少", "严格",
)
# Verbs and framing words cut from the start: 新增国家高新技术企业 counts 国家高新技术企业.
_LEADING_FILLER = _longest_first(
    "力争", "确保", "争取", "全县", "全市", "全州", "全区", "全省", "全年", "今年", "年内", "其中",
    "重点支持", "新增", "新建", "改扩建", "新培养", "建设", "建成", "创建", "创立", "培训", "完成",
    "投入", "累计", "申报", "推荐", "评选", "选派", "培育", "打造", "实施", "开展", "招聘", "引进",
    "组织",
    "举办", "推动", "推进", "实现", "建立", "认定", "遴选", "支持", "做好", "抓好", "进一步",
    "持续", "稳步", "努力", "积极", "全面", "培养", "聘请", "召开", "举行", "发布", "先后", "共",
    "已经", "已", "目前", "上半年", "下半年", "要", "使", "让", "将", "把", "由",
)
# The thing counted after a counter ends where the sentence goes on: 选派x名教师到农村.
_SUBJECT_END = re.compile(
    r"[\dxX*]|和|及|与|到|等|的|达|在|并|为|对(?!象)|全部|均|进行|开展|参加|参与|配建|实现|完成|通过"
    r"|提供|建立|推动|推进|加强|提升|促进|控制|是|按时|顺利"
)
_SUBJECT_TAIL = ("建设", "工作", "创建", "评选", "改建", "配建")
# Words after a counter that start a verb phrase, so the counted thing was written before:
# 新建公办幼儿园5所按时完工.
_VERB_START = (*_LEADING_FILLER, "按时", "全部", "均", "提供", "改造", "推动", "加强", "提升",
               "促进", "是", "顺利", "解决", "用于")
_OPENING, _CLOSING = "（(“《", "）)”》"  # paired by position
_YEAR_PREFIX = re.compile(r"^(?:\d{4}|[〇一二三四五六七八九]{4})年度?")


def _number_value(text: str) -> float | None:
    if re.fullmatch(_PLACEHOLDER, text):
        return None
    if re.fullmatch(_CHINESE, text):
        value = chinese_numeral_to_int(text)
        return float(value) if value is not None else None
    return float(text.replace(",", ""))


def _is_noise(match: re.Match[str], text: str) -> bool:
    """A match that is no target: an ordinal, part of another word, a slogan or a duration."""
    number, unit = match.group("number"), match.group("unit")
    before = text[max(0, match.start() - 8):match.start()]
    following = text[match.end():match.end() + 3]
    chinese = re.fullmatch(_CHINESE, number) is not None
    checks = (
        before.endswith("第"),  # 第3季度, 第X名, 第一所
        before.endswith("前") and unit == "名",  # 前3名: a rank
        chinese and (unit not in _CHINESE_COUNTABLE or chinese_numeral_to_int(number) is None),
        chinese and following[:1] in ("一", "多"),  # 一对一, 一对多
        following[:1].isdigit(),  # 4个100%: a slogan, as is the 100% counted
        re.search(r"\d个$", before) is not None,
        not match.group("after") and following[:1] != "" and
        following[:1] in _NOT_A_MEASURE_BEFORE.get(unit, ""),
        unit in _TIME_MEASURES and following[:1] in ("内", "前", "后"),  # 3天内: a deadline
        unit == "个" and following.startswith("工作日"),
    )
    return any(checks)


def _strip_ends(phrase: str, leading: tuple[str, ...], trailing: tuple[str, ...]) -> str:
    """Cut filler words off both ends, longest first (不超过 before 超过), until none is left."""
    while phrase:
        word = next((w for w in trailing if phrase.endswith(w)), None)
        if word is not None:
            phrase = phrase[:-len(word)]
            continue
        word = next((w for w in leading if phrase.startswith(w)), None)
        if word is None:
            break
        phrase = phrase[len(word):]
    return phrase.strip()


def _comparator(before: str, after: str | None) -> str:
    """From 以上/以内 after the number, else from the longest comparator word ending the
    words before it (不少于 is at least, though it ends in 少于)."""
    if after:
        return _AFTER_COMPARATORS[after]
    found = [(len(w), c) for words, c in ((_AT_LEAST, ">="), (_AT_MOST, "<="))
             for w in words if before.endswith(w)]
    if found:
        return max(found)[1]
    return "<=" if "控制在" in before else ""


def _balanced(phrase: str) -> str:
    """The phrase without the part cut off by a bracket whose partner is outside it, and
    without quote marks left unpaired (copies often lose one: 培育“五好党支部x个)."""
    for opening, closing in zip(_OPENING, _CLOSING, strict=True):
        if phrase.count(opening) == phrase.count(closing):
            continue
        if opening in "“《":
            phrase = phrase.replace(opening, "").replace(closing, "")
            continue
        close, open_ = phrase.find(closing), phrase.rfind(opening)
        if close != -1 and (open_ == -1 or close < phrase.find(opening)):
            phrase = phrase[close + 1:]  # 区)学前教育公办率: opened in the clause before
        elif open_ != -1:
            phrase = phrase[:open_]  # 现招生近X人（可增加…: the bracket goes on after
    return phrase


def _tidy(phrase: str) -> str:
    return _balanced(_YEAR_PREFIX.sub("", phrase.strip())).strip()


def _subject(before: str, after: str, unit: str) -> str:
    """What is counted: the words after a counter when they name a thing (培育8个名师工作室),
    otherwise the words before the number (普惠性幼儿园覆盖率达80%)."""
    if unit in COUNTERS and after and not after.startswith((*_VERB_START, *_OPENING)):
        cut = _SUBJECT_END.search(after)
        noun = _tidy(_strip_ends(after[:cut.start()] if cut else after, (), _SUBJECT_TAIL))
        if noun:
            return noun
    return _tidy(_strip_ends(_tidy(before), _LEADING_FILLER, _TRAILING_FILLER))


def find_targets(text: str) -> list[Target]:
    """Every quantitative target in ``text``, in order (a new list: callers may change it)."""
    return list(_targets_in(text))


def targets_of_each(texts: Iterable[str]) -> Iterator[tuple[Target, ...]]:
    """The targets of each of ``texts`` (tuples shared by equal texts), looked up by
    builtins: a parser asks this for thousands of items at once, most of them without a
    target."""
    return map(_targets_in, texts)


@functools.lru_cache(maxsize=4096)
def _targets_in(text: str) -> tuple[Target, ...]:
    """Cached (targets are frozen, so a cached tuple can be shared): a task list repeats
    its measure texts down thousands of rows."""
    if not _CANDIDATE.search(text):
        return ()
    scan = text.translate(_HALF_WIDTH)
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(scan)]
    targets: list[Target] = []
    previous_end = 0
    for match in _TARGET.finditer(scan):
        if _is_noise(match, scan):
            continue
        start, end = match.start(), match.end()
        index = bisect.bisect_left(breaks, start)
        clause_start = breaks[index - 1] + 1 if index else 0
        index = bisect.bisect_left(breaks, end)
        clause_end = breaks[index] if index < len(breaks) else len(scan)
        before = scan[max(clause_start, previous_end):start].strip()
        after = scan[end:clause_end].strip()
        number_text, low = match.group("number"), match.group("low")
        comparator = _comparator(before, match.group("after"))
        if low or match.group("approx"):
            comparator = comparator or ">="
        unit = "亿元" if match.group("unit") == "个亿" else match.group("unit")
        number = _number_value(low or number_text)
        targets.append(Target(
            text=text[clause_start:clause_end].strip(), number=number, unit=unit,
            subject=_subject(before, after, match.group("unit")),
            placeholder=re.fullmatch(_PLACEHOLDER, number_text) is not None,
            comparator=comparator, start=start, end=end,
        ))
        previous_end = end
    return tuple(targets)
