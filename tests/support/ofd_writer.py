"""A small OFD writer for tests: paragraphs typeset the way GB/T 9704 sets an official
document (A4, 28 characters a line, 22 lines a page, first lines indented by two
characters), packaged as GB/T 33190 describes (OFD.xml → Doc_0/Document.xml →
Pages/Page_N/Content.xml, TextObject/TextCode with X, Y and DeltaX in millimetres).

No converter to OFD is at hand here, and the reader must be tested on files that follow
the standard's structure, not on what the reader expects: this writes only what the
standard requires and what real files carry (a running header, page numbers at the foot,
a public resource file with the font), so the furniture and the wrapping are exercised.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP = 28.0, 37.0
SIZE = 5.6  # 三号 (16 pt) in millimetres
PER_LINE, PER_PAGE = 28, 22
STEP = 225.0 / PER_PAGE


def typeset(paragraphs: list[str]) -> list[list[tuple[float, float, str]]]:
    """Pages of (x, baseline, text) lines."""
    lines: list[tuple[float, str]] = []
    for text in paragraphs:
        text = text.strip()
        if not text:
            continue
        indent, room = 2, PER_LINE - 2
        while text:
            lines.append((LEFT + indent * SIZE, text[:room]))
            text = text[room:]
            indent, room = 0, PER_LINE
    pages = []
    for start in range(0, len(lines), PER_PAGE):
        chunk = lines[start:start + PER_PAGE]
        pages.append([(x, TOP + (i + 1) * STEP, t) for i, (x, t) in enumerate(chunk)])
    return pages


def _text_object(object_id: int, x: float, baseline: float, text: str, size: float = SIZE) -> str:
    width = len(text) * size
    return (f'<ofd:TextObject ID="{object_id}" Boundary="{x:.3f} {baseline - size:.3f} {width:.3f} '
            f'{size * 1.3:.3f}" Font="2" Size="{size}">'
            f'<ofd:TextCode X="0" Y="{size:.3f}" DeltaX="g {max(len(text) - 1, 1)} {size}">'
            f'{escape(text)}</ofd:TextCode></ofd:TextObject>')


def write_ofd(path: Path, paragraphs: list[str], *, header: str = "某县教育和体育局",
              images_only: bool = False) -> Path:
    pages = typeset(paragraphs)
    object_id = 10
    contents = []
    for number, lines in enumerate(pages, 1):
        objects = []
        if images_only:
            objects.append(f'<ofd:ImageObject ID="{object_id}" ResourceID="5" '
                           f'Boundary="0 0 {PAGE_W} {PAGE_H}" CTM="{PAGE_W} 0 0 {PAGE_H} 0 0"/>')
            object_id += 1
        else:
            for x, baseline, text in [(LEFT + 40, 20.0, header), *lines,
                                      (PAGE_W / 2 - 8, 285.0, f"- {number} -")]:
                objects.append(_text_object(object_id, x, baseline, text))
                object_id += 1
        contents.append(
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">'
            f'<ofd:Area><ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox></ofd:Area>'
            f'<ofd:Content><ofd:Layer ID="{object_id}">{"".join(objects)}</ofd:Layer></ofd:Content>'
            '</ofd:Page>')
        object_id += 1
    page_list = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                        for i in range(len(pages)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.1" DocType="OFD">'
            '<ofd:DocBody><ofd:DocInfo><ofd:DocID>0C0FD0000000000000000000000000AB</ofd:DocID>'
            '<ofd:Title>工作要点</ofd:Title></ofd:DocInfo>'
            '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'))
        archive.writestr("Doc_0/Document.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
            f'<ofd:CommonData><ofd:MaxUnitID>{object_id}</ofd:MaxUnitID><ofd:PageArea>'
            f'<ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox></ofd:PageArea>'
            '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>'
            f'</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>'))
        archive.writestr("Doc_0/PublicRes.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
            '<ofd:Fonts><ofd:Font ID="2" FontName="仿宋" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>'))
        archive.writestr("Doc_0/DocumentRes.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
            '<ofd:MultiMedias><ofd:MultiMedia ID="5" Type="Image" Format="PNG">'
            '<ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>'))
        if images_only:
            archive.writestr("Doc_0/Res/scan.png", b"\x89PNG\r\n\x1a\n")
        for i, content in enumerate(contents):
            archive.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", content)
    return path
