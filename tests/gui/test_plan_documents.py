"""More doors in (issue 18, item 3): a plan as .pdf, .doc, .wps and .ofd reads to the same
tree as the .docx it was made from; scanned, encrypted and damaged files are refused in
Chinese, naming the file, and the ledger is left as it was.

The files are real: LibreOffice makes the .pdf and .doc from .docx files (the sample with
Word's automatic numbering, and the text samples set as official documents are set: first
lines indented, a running header, page numbers in the footer); the .wps is such a .doc
under WPS's name (WPS writes Word 97 format by default); the .ofd comes from
``tests/support/ofd_writer.py``, which typesets the same paragraphs to the standard's structure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner_desktop.errors import FileReadError
from planner_desktop.exchange.plan_document import read_plan_file
from planner_desktop.ops.plan_import import preview_plan_document
from tests.support.fixtures_sheets import soffice_convert
from tests.support.ofd_writer import write_ofd
from tests.support.word_files import running_furniture

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "tests" / "samples" / "plans"
HEADER = "某县教育和体育局文件"
# The text samples that are plans as issued (000 is a copy whose converter numbered every
# line it cut: a text-file artefact, read by the text cleaner, that no PDF or Word file has).
TEXT_PLANS = ["001_68e4817491ed8267", "002_2d191f5cd49d874e", "003_44967305fb5d70f9",
              "004_c4f998209f6bcfdc"]
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")


def official_docx(text_file: Path, out: Path) -> Path:
    """A text plan as a bureau's Word file: one paragraph per line, first lines indented by
    two characters, a running header and ``- N -`` page numbers in the footer."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    running_furniture(document.sections[0], HEADER, "- {PAGE} -")
    for line in text_file.read_text("utf-8").splitlines():
        if line.strip():
            paragraph = document.add_paragraph(line.strip())
            paragraph.paragraph_format.first_line_indent = Pt(22)
    document.save(out)
    return out


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """name → {"docx", "pdf", "doc", "wps", "ofd"} paths of one plan."""
    folder = tmp_path_factory.mktemp("plan-documents")
    sources = [shutil.copy(PLANS / "001_autonumbered.docx", folder / "001_autonumbered.docx")]
    sources += [official_docx(PLANS / f"{name}.txt", folder / f"{name}.docx") for name in TEXT_PLANS]
    sources = [Path(source) for source in sources]
    converted = soffice_convert(sources, ["pdf", "doc"], folder / "out")
    files = {}
    for source in sources:
        doc = converted["doc"] / f"{source.stem}.doc"
        wps = shutil.copy(doc, folder / f"{source.stem}.wps")
        document = read_plan_file(source)
        ofd = write_ofd(folder / f"{source.stem}.ofd", [p.line for p in document.paragraphs])
        files[source.stem] = {"docx": source, "pdf": converted["pdf"] / f"{source.stem}.pdf",
                              "doc": doc, "wps": Path(wps), "ofd": ofd}
    return files


def tree(path: Path) -> list[tuple[int, str, str, str]]:
    """Every item: level, code, title and text."""
    outline = preview_plan_document(None, path).outline
    return [(level, node.code, node.title, node.text) for level, node in outline.walk()]


@needs_soffice
@pytest.mark.soffice
@pytest.mark.parametrize("kind", ["pdf", "doc", "wps", "ofd"])
@pytest.mark.parametrize("name", ["001_autonumbered", *TEXT_PLANS])
def test_same_tree_as_the_docx(made, name, kind):
    expected = tree(made[name]["docx"])
    assert len(expected) > 10
    assert tree(made[name][kind]) == expected


@needs_soffice
@pytest.mark.soffice
@pytest.mark.parametrize("kind", ["pdf", "ofd"])
def test_running_header_and_page_numbers_are_left_out(made, kind):
    path = made["002_2d191f5cd49d874e"][kind]
    text = "\n".join(p.text for p in read_plan_file(path).paragraphs)
    assert HEADER not in text
    assert "- 2 -" not in text and "-2-" not in text


@needs_soffice
@pytest.mark.soffice
def test_the_command_line_gives_the_docx_answer(made, tmp_path):
    def answer(path: Path) -> dict:
        done = subprocess.run(
            [sys.executable, "-m", "planner_desktop", "--db", str(tmp_path / "ledger.sqlite"),
             "import-plan", str(path), "--dry-run", "--json"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, done.stderr[-2000:]
        found = json.loads(done.stdout)
        return {key: found[key] for key in ("top_level", "sections", "items", "levels", "targets",
                                            "deadlines")}

    files = made["001_autonumbered"]
    expected = answer(files["docx"])
    assert expected["top_level"] == 9
    for kind in ("pdf", "doc", "ofd"):
        assert answer(files[kind]) == expected, kind


@needs_soffice
@pytest.mark.soffice
def test_the_import_dialog_shows_a_pdf_plan(qtbot, ledger, made):
    from planner_desktop.gui.plan_import_dialog import PlanImportDialog

    dialog = PlanImportDialog(ledger, made["001_autonumbered"]["pdf"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=30000)
    assert dialog.tree.topLevelItemCount() == 9


# -- what cannot be read ---------------------------------------------------------------------

def refused(ledger, path: Path) -> str:
    """The message for ``path``; the ledger gains no import."""
    before = ledger.scalar("SELECT count(*) FROM import_batch")
    with pytest.raises(FileReadError) as caught:
        preview_plan_document(ledger, path)
    assert caught.value.location.file == path.name
    assert path.name in caught.value.full_message()
    assert ledger.scalar("SELECT count(*) FROM import_batch") == before
    return caught.value.message


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF as a scanner makes it: each page one picture of printed text, no text layer."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    image = QImage(620, 877, QImage.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawText(QRect(60, 60, 500, 700), Qt.TextWordWrap,
                     "2024年工作要点\n一、加强党的建设\n1.加强理论学习。" * 5)
    painter.end()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.A4))
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.drawImage(painter.viewport(), image)
    painter.end()
    return path


def test_a_scanned_pdf_is_named_a_scan(qapp, ledger, tmp_path):
    message = refused(ledger, scanned_pdf(tmp_path / "扫描件.pdf"))
    assert "扫描件" in message and "OCR" in message and "Word 原件" in message


def test_a_scanned_ofd_is_named_a_scan(ledger, tmp_path):
    path = write_ofd(tmp_path / "扫描件.ofd", ["一、加强党的建设"] * 30, images_only=True)
    message = refused(ledger, path)
    assert "扫描件" in message and "OFD" in message


@needs_soffice
@pytest.mark.soffice
def test_an_encrypted_pdf_is_named_encrypted(ledger, tmp_path):
    """LibreOffice's PDF export sets an open password (its filter options as JSON)."""
    profile = tmp_path / "profile"
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", options, "--outdir", str(tmp_path),
                    str(PLANS / "003_44967305fb5d70f9.txt")],
                   check=True, capture_output=True, timeout=120)
    path = tmp_path / "003_44967305fb5d70f9.pdf"
    assert b"/Encrypt" in path.read_bytes()
    assert "加密" in refused(ledger, path)


@needs_soffice
@pytest.mark.soffice
@pytest.mark.parametrize("kind, words", [
    ("pdf", "PDF 文件已损坏"), ("doc", "旧版 Word 文档（.doc），但文件已损坏"),
    ("wps", "WPS 文字文档（.wps），但文件已损坏"), ("ofd", "已损坏或不完整")])
def test_a_truncated_file_is_named_damaged(ledger, made, tmp_path, kind, words):
    whole = made["003_44967305fb5d70f9"][kind].read_bytes()
    path = tmp_path / f"下载一半.{kind}"
    path.write_bytes(whole[:len(whole) * 2 // 3])
    assert words in refused(ledger, path)


def test_a_doc_that_is_a_web_page(ledger, tmp_path):
    path = tmp_path / "系统导出.doc"
    path.write_text("<html><body><p>一、加强党的建设</p></body></html>", "utf-8")
    message = refused(ledger, path)
    assert "网页（HTML）" in message and ".doc" in message


def test_a_doc_that_is_a_spreadsheet(ledger, tmp_path):
    from tests.support.fixtures_sheets import write_rows_xlsx

    path = tmp_path / "要点.doc"
    shutil.move(write_rows_xlsx(tmp_path / "sheet.xlsx", [["序号", "任务"], ["1", "加强党建"]]), path)
    assert "Excel 表格" in refused(ledger, path)


def test_a_pdf_that_is_not_one(ledger, tmp_path):
    path = tmp_path / "要点.pdf"
    path.write_bytes("下载失败，请稍后重试。".encode() * 20)
    assert "不是PDF 文件" in refused(ledger, path)


def test_a_pdf_with_some_scanned_pages_names_them(qapp, tmp_path):
    """A text PDF with scanned pages after it would import half a plan: refused, saying
    which pages are pictures."""
    import pypdfium2 as pdfium

    text_pdf = tmp_path / "text.pdf"
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(text_pdf))
    writer.setPageSize(QPageSize(QPageSize.A4))
    painter = QPainter(writer)
    painter.drawText(200, 400, "2024年工作要点 一、加强党的建设 1.加强理论学习。")
    painter.end()
    scan = pdfium.PdfDocument(scanned_pdf(tmp_path / "scan.pdf", pages=2))
    merged = pdfium.PdfDocument(text_pdf)
    merged.import_pages(scan)
    merged.save(tmp_path / "混合.pdf")
    with pytest.raises(FileReadError) as caught:
        read_plan_file(tmp_path / "混合.pdf")
    assert "第 2、3 页是扫描图片" in caught.value.message
