"""The font every printed report is drawn in, bundled so paper and PDF look the same everywhere.

Qt's PDF writer builds each embedded font's character map from the glyphs it drew. Fonts
that share one glyph between a CJK ideograph and its Kangxi radical (Noto Sans CJK does,
and so do other large CJK fonts) therefore write PDFs whose text extracts as radicals
(食 → ⻝): the page looks right but cannot be searched or copied (PLATFORM_NOTES.md).
WenQuanYi Zen Hei gives every code point its own glyph, so its PDFs extract correctly; it is
bundled (``resources/fonts``, GPL with the font embedding exception) and registered with
the application, so a clerk's Windows PC draws reports with it rather than with SimSun or
Microsoft YaHei, which could not be checked the same way.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from planner_desktop.paths import resource_path

FONT_FILE = ("resources", "fonts", "wqy-zenhei.ttc")
FAMILY = "WenQuanYi Zen Hei"


@cache
def report_family() -> str:
    """Register the bundled font (once per process) and return the family to draw with.

    Needs a QGuiApplication. Falls back to an installed copy of the same family, and only
    then to the default family, so a broken installation still prints (with a warning
    left to the caller's font check in the tests).
    """
    path = resource_path(*FONT_FILE)
    if not path.exists():
        logging.getLogger(__name__).warning("report font missing: %s", path)
    if path.exists():
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if FAMILY in families:
            return FAMILY
        if families:
            return families[0]
    if FAMILY in QFontDatabase.families():
        return FAMILY
    return QFont().defaultFamily()


def report_font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFont(report_family())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # Kerning and hinting tuned for the screen would make the measured line differ from the
    # printed one; the page is laid out with design metrics.
    font.setHintingPreference(QFont.PreferNoHinting)
    font.setKerning(False)
    # Font merging stays on: a rare character missing from the font (some school names have
    # one) is drawn from another font rather than as a box.
    font.setStyleStrategy(QFont.PreferOutline)
    return font


# Ideographs and the Kangxi / supplementary radicals that look the same. A font that draws
# both from one glyph makes Qt's PDF writer map that glyph back to the radical, so the PDF's
# text extracts wrongly (食 → ⻝); these are the pairs PLATFORM_NOTES.md saw go wrong.
RADICAL_TWINS = (("食", "\u2edd"), ("门", "\u2ed4"), ("日", "\u2f47"), ("金", "\u2fa6"), ("月", "\u2f49"),
                 ("言", "\u2f94"), ("长", "\u2ed3"), ("马", "\u2ee2"))


def shares_radical_glyphs(family: str) -> list[str]:
    """The ideographs that ``family`` draws with the same glyph as a radical (empty: its PDFs
    extract correctly). Works wherever Qt runs, so SimSun or Microsoft YaHei can be checked
    on a Windows PC without poppler: ``python -c "from planner_desktop.printing.fonts import
    *; ..."`` after creating a QGuiApplication."""
    from PySide6.QtGui import QRawFont

    raw = QRawFont.fromFont(QFont(family))
    shared = []
    for ideograph, radical in RADICAL_TWINS:
        if not (raw.supportsCharacter(ideograph) and raw.supportsCharacter(radical)):
            continue
        first, second = raw.glyphIndexesForString(ideograph + radical)
        if first == second:
            shared.append(ideograph)
    return shared
