"""Text as clerks type it, made comparable: full-width forms, stray spaces, traditional characters."""

from __future__ import annotations

import re

# Full-width ASCII (！ to ～) → half-width, except the Chinese brackets, which are the
# canonical form for names: both （ and ( become （.
_FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF.update({ord("（"): ord("（"), ord("）"): ord("）"), 0x3000: ord(" ")})
_BRACKETS = str.maketrans({"(": "（", ")": "）"})
_SPACES = re.compile(r"[\s\u3000\xa0]+")

# Traditional characters seen in unit and school names (Big5 lists, Hong Kong/Taiwan copies).
_TRADITIONAL = (
    "學学校校園园專专職职業业縣县鎮镇鄉乡區区實实驗验幼幼兒儿國国際际體体育育會会員员務务財财計计"
    "劃划導导督督與与發发展展辦办公公室室組组織织幹干黨党紀纪檢检審审監监規规範范設设備备電电館馆"
    "資资助助招招考考試试處处級级團团書书記记長长門门關关聯联網网絡络語语數数據据養养護护衛卫藝艺"
    "術术習习題题課课師师範范屬属貧贫廳厅歲岁齡龄頭头點点齊齐鄰邻義义優优質质協协調调風风險险"
    "災灾廠厂廣广東东黃黄陽阳雲云龍龙灣湾溝沟橋桥莊庄嶺岭巖岩濟济歷历農农場场寧宁鋪铺營营"
    "勞劳動动綜综總总統统條条禮礼讀读寫写廟庙華华陳陈劉刘張张趙赵楊杨吳吴鄭郑謝谢馬马"
    "舊旧來来這这個个們们為为對对時时間间後后裡里將将說说問问進进現现當当從从還还無无開开經经"
    "過过種种機机車车氣气樣样產产觀观線线燈灯歡欢戲戏蘭兰樂乐權权環环愛爱綠绿紅红藍蓝"
)
_TO_SIMPLIFIED = {ord(_TRADITIONAL[i]): ord(_TRADITIONAL[i + 1])
                  for i in range(0, len(_TRADITIONAL), 2) if _TRADITIONAL[i] != _TRADITIONAL[i + 1]}

CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}


def normalise(text: str) -> str:
    """Half-width letters, digits and punctuation, Chinese brackets, no spaces at the ends,
    inner runs of white space (line breaks too) collapsed to one space."""
    text = text.translate(_FULL_TO_HALF).translate(_BRACKETS)
    return _SPACES.sub(" ", text).strip()


def compact(text: str) -> str:
    """``normalise`` without any spaces: for comparing names written with stray spaces."""
    return normalise(text).replace(" ", "")


def to_simplified(text: str) -> str:
    return text.translate(_TO_SIMPLIFIED)


def chinese_numeral_to_int(text: str) -> int | None:
    """一 … 九十九 (and 〇/零/两, 二〇二三 digit by digit); None if ``text`` is not a numeral."""
    text = text.strip()
    if not text or any(ch not in CHINESE_DIGITS and ch not in "十百" for ch in text):
        return None
    if "十" not in text and "百" not in text:
        value = 0
        for ch in text:
            value = value * 10 + CHINESE_DIGITS[ch]
        return value
    total, number = 0, 0
    for ch in text:
        if ch == "百":
            total += (number or 1) * 100
            number = 0
        elif ch == "十":
            total += (number or 1) * 10
            number = 0
        else:
            number = CHINESE_DIGITS[ch]
    return total + number
