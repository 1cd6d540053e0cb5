"""Reading an OFD plan (GB/T 33190-2016, the format official documents increasingly come in)
into paragraphs, with our own code on the standard library's zipfile and defusedxml.

Why our own code: an OFD is a zip of XML files (``OFD.xml`` → the document's
``Document.xml`` → each page's ``Content.xml``, whose ``TextObject`` elements hold
``TextCode`` runs with their position and the advance of each glyph, ``DeltaX``), and
reading its text takes a page of code. The Python OFD libraries found (easyofd and
similar) render OFD to PDF or images and pull in PyMuPDF, reportlab, OpenCV or NumPy,
tens of megabytes for what we do not need, and are maintained by one person each; ofdrw
is Java. defusedxml (already a dependency) parses the XML with DTDs and entities refused.

Each page's runs are placed (the object's ``Boundary`` origin plus the run's ``X``/``Y``,
through the object's ``CTM`` when it has one; millimetres turned to points), grouped into
lines by baseline, and ordered left to right; ``documents.lines`` then drops running
headers, footers and page numbers and joins the lines into paragraphs, as for a PDF.
Template pages (``Tpls``, where a header or a red letterhead is usually drawn) are not
read: they are furniture by construction. Refused: an encrypted OFD (GM/T 0099
``Encryptions``), a damaged one, and a scan (pages of images, no text).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from planner_desktop.domain.plan_cleaning import SourceParagraph
from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.documents.lines import Page, TextLine, paragraphs_from_pages
from planner_desktop.exchange.documents.messages import (
    MSG_OFD_CORRUPT,
    MSG_OFD_PROTECTED,
    MSG_PARTLY_SCANNED,
    MSG_SCANNED,
)
from planner_desktop.i18n import tr

MM = 72 / 25.4  # points per millimetre: OFD measures in millimetres
_MAX_PART_BYTES = 64 * 1024 * 1024  # no page of a plan comes near this
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def is_ofd(archive: zipfile.ZipFile) -> bool:
    return "OFD.xml" in archive.namelist()


def read_ofd(archive: zipfile.ZipFile, where: Location, starts_item=None) -> list[SourceParagraph]:
    """The paragraphs of an OFD's text; raises FileReadError for what cannot be read."""
    try:
        pages, scanned = _read_pages(archive)
    except FileReadError:
        raise
    except (KeyError, ValueError, IndexError, zipfile.BadZipFile, EOFError, OSError,
            ElementTree.ParseError, DefusedXmlException, NotImplementedError, RuntimeError) as exc:
        raise FileReadError(tr(MSG_OFD_CORRUPT), where) from exc
    if sum(len(line.text) for page in pages for line in page.lines) < 20:
        raise FileReadError(tr(MSG_SCANNED).format(kind="OFD"), where)
    if scanned:
        raise FileReadError(tr(MSG_PARTLY_SCANNED).format(
            kind="OFD", pages="、".join(map(str, scanned))), where)
    return paragraphs_from_pages(pages, starts_item)


def _xml(archive: zipfile.ZipFile, name: str):
    info = archive.getinfo(name.lstrip("/"))
    if info.file_size > _MAX_PART_BYTES:
        raise ValueError(f"{name}: part too large")
    return ElementTree.fromstring(archive.read(info))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str):
    return [child for child in element.iter() if _local(child.tag) == name]


def _first(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _resolve(base: str, location: str) -> str:
    """A path inside the package: absolute (``/Doc_0/…``) or relative to ``base``'s folder."""
    location = location.strip().replace("\\", "/")
    if location.startswith("/"):
        return posixpath.normpath(location.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), location))


def _read_pages(archive: zipfile.ZipFile) -> tuple[list[Page], list[int]]:
    names = set(archive.namelist())
    root = _xml(archive, "OFD.xml")
    if any(_local(e.tag) == "Encryptions" for e in root.iter()) or \
            any(posixpath.basename(n).lower() == "encryptions.xml" for n in names):
        raise FileReadError(tr(MSG_OFD_PROTECTED), Location())
    doc_root = _first(root, "DocRoot")
    if doc_root is None or not (doc_root.text or "").strip():
        raise ValueError("no DocRoot")
    document_name = _resolve("OFD.xml", doc_root.text)
    document = _xml(archive, document_name)
    default_box = _box(_first(document, "PhysicalBox"))
    pages, scanned = [], []
    for number, entry in enumerate(_children(_first(document, "Pages") or document, "Page"), 1):
        name = _resolve(document_name, entry.get("BaseLoc", ""))
        content = _xml(archive, name)
        area = _first(content, "Area")
        box = _box(_first(area, "PhysicalBox")) if area is not None else None
        width, height = box or default_box or (210.0, 297.0)
        lines = _lines(_runs(content))
        page = Page(width * MM, height * MM, lines)
        if not lines and _first(content, "ImageObject") is not None:
            scanned.append(number)
        pages.append(page)
    return pages, scanned


def _box(element) -> tuple[float, float] | None:
    """(width, height) of a ``PhysicalBox``: ``x y w h``."""
    if element is None:
        return None
    values = [float(v) for v in _NUMBER.findall(element.text or "")]
    return (values[2], values[3]) if len(values) == 4 else None


@dataclass
class _Run:
    text: str
    left: float  # in points, from the page's top-left corner
    right: float
    baseline: float
    size: float


def _runs(content) -> list[_Run]:
    runs = []
    for text_object in _children(content, "TextObject"):
        numbers = [float(v) for v in _NUMBER.findall(text_object.get("Boundary", ""))]
        bx, by = (numbers[0], numbers[1]) if len(numbers) >= 2 else (0.0, 0.0)
        size = float(text_object.get("Size", "3.5") or 3.5)
        ctm = [float(v) for v in _NUMBER.findall(text_object.get("CTM", ""))]
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        x = y = 0.0
        for code in _children(text_object, "TextCode"):
            text = code.text or ""
            if not text.strip():
                continue
            x = float(code.get("X", x))
            y = float(code.get("Y", y))
            advances = _deltas(code.get("DeltaX", ""), len(text), size)
            x0, baseline = a * x + c * y + e, b * x + d * y + f
            width = a * (sum(advances) + size)
            runs.append(_Run(text, (bx + x0) * MM, (bx + x0 + width) * MM, (by + baseline) * MM,
                             size * abs(a or 1.0) * MM))
    return runs


def _deltas(spec: str, count: int, size: float) -> list[float]:
    """The advances between a run's glyphs: ``DeltaX`` lists them, ``g N D`` standing for
    N times D; missing ones are taken as one character width."""
    tokens = spec.split()
    out: list[float] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            out.extend([float(tokens[i + 2])] * int(float(tokens[i + 1])))
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    need = max(count - 1, 0)
    return (out + [size] * need)[:need]


def _lines(runs: list[_Run]) -> list[TextLine]:
    """Runs on one baseline, left to right, as lines, top to bottom."""
    lines: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (r.baseline, r.left)):
        if lines and abs(run.baseline - lines[-1][0].baseline) <= 0.3 * run.size:
            lines[-1].append(run)
        else:
            lines.append([run])
    out = []
    for line in lines:
        line.sort(key=lambda r: r.left)
        text = "".join(r.text for r in line).strip()
        if text:
            first = line[0]
            out.append(TextLine(text, first.left, max(r.right for r in line),
                                first.baseline - first.size, first.baseline + 0.2 * first.size, first.size))
    return out
