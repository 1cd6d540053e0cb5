"""Printed lines into paragraphs (exchange/documents/lines.py), on pages laid out here to the
point, for the layouts the generated PDF family (tests/ops/test_plan_layout_families.py)
found read wrongly: each page below is modelled on what Qt's PDF writer printed for one."""

from __future__ import annotations

from planner_desktop.domain.plan_outline.markers import starts_with_marker
from planner_desktop.exchange.documents.lines import Page, TextLine, paragraphs_from_pages

SIZE = 16.0
LEFT = 72.0
WIDTH = 20  # characters a line


def line(text: str, top: float, indent: int = 0) -> TextLine:
    """``text`` set from ``indent`` characters in, in full-width characters of SIZE points."""
    left = LEFT + indent * SIZE
    return TextLine(text, left, left + len(text) * SIZE, top, top + SIZE, SIZE)


def lines(*texts: tuple[str, int], top: float = 100.0) -> list[TextLine]:
    """Consecutive lines ``(text, indent)``, one step of 20 points apart."""
    return [line(text, top + 20 * n, indent) for n, (text, indent) in enumerate(texts)]


def read(pages: list[Page]) -> list[str]:
    return [p.text for p in paragraphs_from_pages(pages, starts_with_marker)]


FULL = "坚持以习近平新时代中国特色社会主义思想为"  # 20 characters: a line to the margin


def test_a_heading_short_of_the_margin_ends_before_the_item_line_under_it():
    # ragged lines: the heading stops one character short, where （一） would not fit
    page = Page(595, 842, lines(("二、以师生安全为底线全力打好打赢疫情防", 0),
                                ("（一）切实做好新冠肺炎疫情防控工作。持续", 0), ("深化教育评价改革。", 0),
                                (FULL, 0), (FULL, 0), ("完成。", 0)))
    assert read([page])[:2] == ["二、以师生安全为底线全力打好打赢疫情防",
                                "（一）切实做好新冠肺炎疫情防控工作。持续深化教育评价改革。"]


def test_the_margin_is_where_lines_after_full_ones_start():
    # short paragraphs with indented first lines, so most lines are first lines; a heading
    # one character short of the margin, then a body paragraph: told apart by its indent
    heading = "（一）推进义务教育优质均衡发展城乡一"  # 17 characters after an indent of 2
    page = Page(595, 842, lines(("一、加强党的建设", 2), (heading, 2), ("结合我县实际" + FULL[:12], 2),
                                (FULL, 0), ("教育。", 0), ("（二）深化改革", 2), ("（三）推进均衡", 2),
                                ("（四）办好教育" + FULL[:11], 2), (FULL, 0), ("教育。", 0),
                                ("（五）强化保障", 2), ("（六）从严治党", 2)))
    assert read([page])[1:3] == [heading, "结合我县实际" + FULL[:12] + FULL + "教育。"]


def test_a_paragraph_set_in_as_a_whole_goes_on_at_its_own_edge():
    # deeper levels indented by two characters, no first-line indents
    page = Page(595, 842, lines(("一、上半年主要工作及成效", 0), (FULL[:18], 2), (FULL[:12] + "。", 2),
                                ("二、下半年工作安排", 0), (FULL, 0), ("完成。", 0),
                                ("三、保障措施", 0), (FULL, 0), ("落实。", 0)))
    assert read([page])[1] == FULL[:18] + FULL[:12] + "。"


def test_running_header_and_page_number_on_a_short_page():
    # a page 160 mm high: the header 58 points from its top, further in than 12 % of it
    def page(number: int, body: list[TextLine]) -> Page:
        return Page(595, 454, [*body, TextLine("县教育局2024年工作要点", 206, 388, 58, 78, SIZE),
                               TextLine(f"第{number}页共3页", 239, 356, 378, 398, SIZE)])

    pages = [page(1, lines((FULL, 0), (FULL, 0))), page(2, lines((FULL, 0), ("完成。", 0))),
             page(3, lines(("二、保障措施", 0)))]
    assert read(pages) == [FULL * 3 + "完成。", "二、保障措施"]
