"""A 100-page plan document read, parsed and shown in the 导入工作要点 preview.

The plan is made from the real 001 sample: its nine sections repeated (with their own
numbers, 一 … 九十, items numbered through) until the text is 100 pages long (650 characters
a page: A4, 仿宋 三号, 22 lines of 28 characters plus headings), once as .txt and once as a
.docx with Word's automatic numbering (set as an official document: 三号 type, first lines
indented, 22 lines a page: the PDF runs to more than 100 pages), and that .docx printed
to PDF by LibreOffice (made once per run). Measured: the
file to the preview data, and the file to the dialog showing the filled tree and source
text. References in the same run: a plain python-docx read of the paragraphs' text,
LibreOffice converting the .docx to text, and a plain pypdfium2 text extraction of the PDF
(every page's text, nothing else).
Target: parsed and shown in under 2 s (.txt, .docx), under 3 s for the PDF.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.references import best_of, soffice_seconds  # noqa: E402
from planner_desktop.domain.outline_codes import chinese_numeral  # noqa: E402
from planner_desktop.ops.plan_import import preview_plan_document  # noqa: E402

SAMPLE = ROOT / "tests" / "samples" / "plans" / "001_68e4817491ed8267.txt"
CHARS_PER_PAGE = 650


def big_plan(pages: int) -> list[tuple[str, list[str]]]:
    """Sections (title, item texts without numbers) enough for ``pages`` pages."""
    outline = preview_plan_document(None, SAMPLE).outline
    base = [(s.title, [f"{c.title}。{c.text}" for c in s.children]) for s in outline.items]
    sections: list[tuple[str, list[str]]] = []
    size = 0
    while size < pages * CHARS_PER_PAGE:
        title, items = base[len(sections) % len(base)]
        sections.append((title, items))
        size += len(title) + sum(len(i) for i in items)
    return sections


def write_txt(path: Path, sections) -> Path:
    lines, number = ["2020年全州教育和体育工作要点", ""], 0
    for index, (title, items) in enumerate(sections, 1):
        lines += [f"{chinese_numeral(index)}、{title}", ""]
        for item in items:
            number += 1
            lines += [f"{number}.{item}", ""]
    path.write_text("\n".join(lines), "utf-8")
    return path


def write_docx(path: Path, sections) -> Path:
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="990"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/>'
        '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="990"><w:abstractNumId w:val="990"/></w:num>'))

    def numbered(paragraph, level: int) -> None:
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="990"/></w:numPr>'))

    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.size = Pt(16)  # 三号, as official documents are set: 100 pages of PDF
    normal.paragraph_format.first_line_indent = Pt(32)
    normal.paragraph_format.line_spacing = Pt(29)  # 22 lines a page (GB/T 9704)
    document.add_paragraph("2020年全州教育和体育工作要点", style="Title")
    for title, items in sections:
        numbered(document.add_paragraph(title, style="Heading 1"), 0)
        for item in items:
            numbered(document.add_paragraph(item), 1)
    document.save(path)
    return path


def write_pdf(docx_path: Path, folder: Path) -> Path | None:
    """The .docx printed to PDF by LibreOffice; None without it."""
    import subprocess

    if shutil.which("soffice") is None:
        return None
    profile = folder / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx_path)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder / f"{docx_path.stem}.pdf"


def plain_pdf_text(path: Path) -> int:
    """The reference: every page's text with pypdfium2, as a script would take it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return sum(len(document[i].get_textpage().get_text_range()) for i in range(len(document)))
    finally:
        document.close()


def shown_in_dialog(path: Path) -> float:
    """File → the dialog showing the filled tree and the source text."""
    from PySide6.QtWidgets import QApplication

    from planner_desktop.gui.plan_import_dialog import PlanImportDialog
    from planner_desktop.store.database import open_ledger

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-plan-ledger-"))
    ledger = open_ledger(folder / "ledger.sqlite", daily_backup=False)
    try:
        started = time.perf_counter()
        dialog = PlanImportDialog(ledger, path)
        dialog.show()
        while dialog.preview is None or dialog.job.running:
            app.processEvents()
        app.processEvents()
        elapsed = time.perf_counter() - started
        assert dialog.tree.topLevelItemCount() > 0
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
        return elapsed
    finally:
        ledger.close()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import docx

    folder = Path(tempfile.mkdtemp(prefix="bench-plan-"))
    try:
        sections = big_plan(args.pages)
        txt = write_txt(folder / "plan.txt", sections)
        docx_path = write_docx(folder / "plan.docx", sections)
        preview = preview_plan_document(None, txt)  # warm imports and compiled patterns
        items = preview.outline.count()
        chars = len(preview.outline.source)
        txt_s = best_of(args.runs, lambda: preview_plan_document(None, txt))
        docx_s = best_of(args.runs, lambda: preview_plan_document(None, docx_path))
        shown_txt = min(shown_in_dialog(txt) for _ in range(args.runs))
        shown_docx = min(shown_in_dialog(docx_path) for _ in range(args.runs))
        refs = {"python_docx_paragraph_text": round(best_of(args.runs, lambda: [
            p.text for p in docx.Document(docx_path).paragraphs]), 4),
            "ours_txt_parse": round(txt_s, 4), "ours_docx_parse": round(docx_s, 4),
            "ours_txt_shown": round(shown_txt, 4)}
        if (lo_s := soffice_seconds(docx_path, "txt:Text", folder / "out")) is not None:
            refs["libreoffice_docx_to_txt"] = round(lo_s, 4)
        pdf_path = write_pdf(docx_path, folder)
        pdf_s = shown_pdf = None
        if pdf_path is not None:
            import pypdfium2 as pdfium

            pdf_pages = len(pdfium.PdfDocument(pdf_path))
            pdf_items = preview_plan_document(None, pdf_path).outline.count()
            assert pdf_items == items, (pdf_items, items)  # the PDF reads to the same tree
            pdf_s = best_of(args.runs, lambda: preview_plan_document(None, pdf_path))
            shown_pdf = min(shown_in_dialog(pdf_path) for _ in range(args.runs))
            refs["pypdfium2_plain_text"] = round(best_of(args.runs, lambda: plain_pdf_text(pdf_path)), 4)
            refs["ours_pdf_parse"] = round(pdf_s, 4)
            refs["ours_pdf_shown"] = round(shown_pdf, 4)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ours = max(shown_docx, shown_txt)
    print(f"{args.pages}-page plan ({chars} characters, {items} items): parsed {txt_s * 1000:.0f} ms (.txt), "
          f"{docx_s * 1000:.0f} ms (.docx); shown in the preview {shown_txt * 1000:.0f} ms (.txt), "
          f"{shown_docx * 1000:.0f} ms (.docx)", file=sys.stderr)
    if shown_pdf is not None:
        print(f"{pdf_pages}-page PDF of the same plan ({pdf_items} items): parsed {pdf_s * 1000:.0f} ms, "
              f"shown in the preview {shown_pdf * 1000:.0f} ms", file=sys.stderr)
    for name, seconds in refs.items():
        print(f"  {name:28s} {seconds * 1000:8.0f} ms", file=sys.stderr)
    met = ours < 2.0 and (shown_pdf is None or shown_pdf < 3.0)
    print(json.dumps({"bench": "import_plan", "ours_s": round(ours, 4), "refs_s": refs,
                      "target": "a 100-page plan parsed and shown in the preview in under 2 s "
                                "(.txt, .docx), under 3 s as a PDF", "met": met}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
