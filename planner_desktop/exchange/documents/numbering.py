"""List numbers as Word shows them, shared by the .docx and the .doc readers.

Word keeps automatic numbering (一、 1. （一） …) out of the paragraph text, in both its
file formats; a reader has to render it, or a plan with automatic numbering reads as
unnumbered paragraphs. The formats are named as in OOXML (``w:numFmt``); the binary .doc
format's number codes (``nfc``) are translated to those names by :data:`NFC_NAMES`.
"""

from __future__ import annotations

from planner_desktop.domain.outline_codes import chinese_numeral, numeral

_DIGITS_CN = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"

# [MS-DOC] 2.9.150 (MSONFC) number codes → the OOXML names of the same formats.
NFC_NAMES = {
    0x00: "decimal", 0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter",
    0x04: "lowerLetter", 0x0A: "ideographDigital", 0x0B: "japaneseCounting",
    0x0E: "decimalFullWidth", 0x12: "decimalEnclosedCircle", 0x13: "decimalFullWidth",
    0x16: "decimalZero", 0x17: "bullet", 0x1B: "decimalEnclosedParen",
    0x1C: "decimalEnclosedCircleChinese", 0x1E: "ideographTraditional",
    0x21: "taiwaneseCounting", 0x23: "taiwaneseCountingThousand", 0x25: "chineseCounting",
    0x26: "chineseLegalSimplified", 0x27: "chineseCountingThousand", 0xFF: "none",
}


def _roman(number: int) -> str:
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
              (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def format_number(number: int, fmt: str) -> str:
    """A counter as Word shows it for a ``w:numFmt``."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital"):
        return chinese_numeral(number, _DIGITS_CN)
    if fmt == "chineseLegalSimplified":
        return chinese_numeral(number, _LEGAL, "拾")
    if fmt in ("ideographTraditional",):
        return _HEAVENLY[(number - 1) % 10]
    if fmt.startswith("decimalEnclosedCircle"):
        return numeral("circled", number)
    if fmt == "decimalEnclosedParen":
        return f"({number})"
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(number))
    if fmt == "lowerLetter":
        return chr(96 + (number - 1) % 26 + 1)
    if fmt == "upperLetter":
        return chr(64 + (number - 1) % 26 + 1)
    if fmt == "lowerRoman":
        return _roman(number).lower()
    if fmt == "upperRoman":
        return _roman(number)
    if fmt in ("bullet", "none"):
        return ""
    return str(number)
