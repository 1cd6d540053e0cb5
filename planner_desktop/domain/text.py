"""Text as clerks type it, made comparable: full-width forms, stray spaces, traditional characters.

Names of units and status words arrive from Excel cells filled in by many hands (WPS, Word
copies, web pages, a colleague's Big5 machine). Comparing them needs one canonical form, and
that form must be the same wherever a name is compared, so every module goes through here.
"""

from __future__ import annotations

import re

# Full-width ASCII (！ … ～) becomes half-width, so ＡＢ１２ and AB12 compare equal. Brackets
# go the other way: names such as 各中小学（园） are written with Chinese brackets far more
# often, so both ( and （ (and the small-form ﹙﹚) become （ and ）.
_BRACKET_CHARS = {"(": "（", ")": "）", "（": "（", "）": "）", "﹙": "（", "﹚": "）"}
_FULL_TO_HALF = str.maketrans(
    {
        **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
        **_BRACKET_CHARS,
        "\u3000": " ",
        "\xa0": " ",
    }
)
# Characters that are invisible in a cell but break equality (zero-width space, BOM, soft hyphen).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\xad]")
_SPACES = re.compile(r"\s+")

# Traditional → simplified for the characters that occur in unit and school names and in the
# words written in returned sheets. Only one-to-one pairs are listed: a character with several
# simplified readings (乾, 著, 瞭 …) is left alone rather than guessed.
_TRADITIONAL_PAIRS = """
學学 園园 專专 職职 業业 縣县 鎮镇 鄉乡 區区 實实 驗验 兒儿 國国 際际 體体 會会 員员 務务
財财 計计 劃划 導导 與与 發发 辦办 組组 織织 幹干 黨党 紀纪 檢检 審审 監监 規规 範范 設设
備备 電电 館馆 資资 處处 級级 團团 書书 記记 長长 門门 關关 聯联 網网 絡络 語语 數数 據据
養养 護护 衛卫 藝艺 術术 習习 題题 課课 師师 屬属 貧贫 廳厅 齡龄 頭头 點点 齊齐 鄰邻 義义
優优 質质 協协 調调 風风 險险 災灾 廠厂 廣广 東东 黃黄 陽阳 雲云 龍龙 灣湾 溝沟 橋桥 莊庄
嶺岭 巖岩 濟济 歷历 農农 場场 寧宁 鋪铺 營营 勞劳 動动 綜综 總总 統统 條条 禮礼 讀读 寫写
華华 陳陈 劉刘 張张 趙赵 楊杨 吳吴 鄭郑 謝谢 馬马 號号 樓楼 隊队 衆众 眾众 紅红 綠绿 藍蓝
圖图 閱阅 覽览 覺觉 聽听 說说 話话 讓让 議议 證证 評评 試试 詢询 講讲 識识 傳传 價价 僑侨
億亿 儀仪 儲储 兩两 冊册 勝胜 醫医 圓圆 壩坝 壇坛 報报 塊块 壯壮 夢梦 奮奋 婦妇 孫孙 寶宝
將将 對对 層层 崗岗 峽峡 幣币 帶带 幫帮 庫库 廟庙 開开 間间 陸陆 陰阴 隨随 雙双 雜杂 難难
靈灵 韓韩 頂顶 順顺 須须 預预 領领 類类 顯显 飛飞 鳳凤 鳴鸣 鶴鹤 鹽盐 麥麦 歲岁 氣气 漢汉
潔洁 溫温 測测 滿满 漁渔 澤泽 濱滨 熱热 愛爱 戰战 紡纺 線线 綫线 練练 續续 績绩 維维 繼继
羅罗 聖圣 興兴 舉举 藥药 蘇苏 蘭兰 視视 親亲 觀观 許许 訓训 診诊 誠诚 談谈 請请 諮咨 豐丰
貴贵 費费 貿贸 賽赛 趕赶 車车 軍军 輔辅 輕轻 遷迁 運运 過过 達达 遠远 適适 選选 遺遗 鋼钢
錄录 鍛锻 鐵铁 銀银 錢钱 雞鸡 響响 項项 頒颁 額额 顧顾 飲饮 騎骑 鬥斗 魚鱼 鳥鸟 鴻鸿 麗丽
們们 個个 來来 這这 為为 時时 從从 還还 無无 經经 種种 機机 樣样 產产 進进 現现 當当 後后
裡里 問问 燈灯 歡欢 樂乐 權权 環环 戲戏 託托 減减 補补 貼贴 獎奖 勵励 階阶 屆届 畢毕 臺台
啟启 啓启 辭辞 緩缓 暫暂 銷销 約约 標标 準准 滅灭 擴扩 築筑 構构
牽牵 責责 單单 內内 況况 註注 負负 詳详 細细 執执 態态 狀状 節节
"""


def _traditional_table() -> dict[int, int]:
    table: dict[int, int] = {}
    for pair in _TRADITIONAL_PAIRS.split():
        traditional, simplified = pair
        table[ord(traditional)] = ord(simplified)
    return table


_TO_SIMPLIFIED = _traditional_table()

CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
_DIGIT = "一二两三四五六七八九"
# 一百二十三, 一百零五, 九十九, 十二, 十 … written the way numbers are spoken.
_SPOKEN_NUMERAL = re.compile(
    rf"^(?:(?P<hundreds>[{_DIGIT}])百)?(?:[零〇]?(?P<tens>[{_DIGIT}])?(?P<ten>十))?"
    rf"[零〇]?(?P<units>[{_DIGIT}])?$"
)
_DIGIT_BY_DIGIT = re.compile("^[〇零一二两三四五六七八九]+$")


def normalise(text: str) -> str:
    """The canonical form for comparing what people typed: half-width letters, digits and
    punctuation, Chinese brackets, no invisible characters, no spaces at the ends and every
    inner run of white space (line breaks in a cell, \\u3000, \\xa0) collapsed to one space."""
    text = _INVISIBLE.sub("", text).translate(_FULL_TO_HALF)
    return _SPACES.sub(" ", text).strip()


def compact(text: str) -> str:
    """``normalise`` without any spaces: names are never spelt with inner spaces, so a space
    inside one (``基 教 股``, a line break in a narrow cell) is always an accident."""
    return normalise(text).replace(" ", "")


def to_simplified(text: str) -> str:
    """Simplified characters for the traditional ones in the table; others are kept as they are."""
    return text.translate(_TO_SIMPLIFIED)


def chinese_numeral_to_int(text: str) -> int | None:
    """The value of a Chinese numeral, or None when ``text`` is not one.

    Spoken forms (十二, 二十, 九十九, 一百零五, 两) and digit-by-digit forms as years are written
    (二〇二三, 〇) are both used in plans. Malformed input (十十, 百) gives None, never a guess.
    """
    text = text.strip()
    if not text:
        return None
    if _DIGIT_BY_DIGIT.match(text):
        value = 0
        for ch in text:
            value = value * 10 + CHINESE_DIGITS[ch]
        return value
    match = _SPOKEN_NUMERAL.match(text)
    if match is None or not any(match.group("hundreds", "ten", "units")):
        return None
    hundreds, tens, ten, units = match.group("hundreds", "tens", "ten", "units")
    value = CHINESE_DIGITS[hundreds] * 100 if hundreds else 0
    if ten:
        value += CHINESE_DIGITS[tens] * 10 if tens else 10
    if units:
        value += CHINESE_DIGITS[units]
    return value
