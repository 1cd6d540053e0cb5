"""Render ``resources/icons/app.svg`` into the icons a Windows build needs.

    python installer/make_icons.py      (run again whenever app.svg changes)

Writes ``resources/icons/app.ico`` (16–256 px, PNG-compressed entries, as Windows Vista and
later read them: the executable's and the shortcuts' icon) and ``resources/icons/app.png``
(256 px, for the Linux build and for documents). Qt draws the SVG, so nothing beyond the
program's own dependencies is needed; the files are committed so a build needs no extra step
(tests/project/test_build.py checks they still match the SVG).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(svg: Path, size: int):
    """The SVG drawn on a transparent ``size``×``size`` image."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file whose entries are PNG images (one per size)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def read_ico(data: bytes) -> dict[int, bytes]:
    """The PNG entries of an .ico written by :func:`ico_bytes`, by size."""
    _, kind, count = struct.unpack_from("<HHH", data, 0)
    if kind != 1:
        raise ValueError("not an icon file")
    found = {}
    for index in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        found[side or 256] = data[offset:offset + length]
    return found


def make_icons(svg: Path = ICONS / "app.svg", out_dir: Path = ICONS) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    pngs = {size: png_bytes(render(svg, size)) for size in SIZES}
    out_dir.mkdir(parents=True, exist_ok=True)
    ico, png = out_dir / "app.ico", out_dir / "app.png"
    ico.write_bytes(ico_bytes(pngs))
    png.write_bytes(pngs[256])
    return [ico, png]


if __name__ == "__main__":
    for path in make_icons():
        print(path)
    sys.exit(0)
