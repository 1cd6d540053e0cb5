"""Reading Word 97–2003 binary documents (.doc, and .wps, which WPS writes in the same
format by default) into paragraphs, with olefile and our own reading of the format.

Why this way: the clerk's PC has no office suite we may drive, and no maintained
pure-Python .doc reader does what a plan needs (antiword and catdoc are C programs;
textract and friends shell out to them; the few small PyPI readers give plain text without
paragraph properties). What a plan needs is small and well documented ([MS-DOC]): the text
(the FIB points to the CLX, whose piece table, PlcPcd, says where each run of characters
lies and whether it is stored as cp1252 bytes or UTF-16LE), the paragraph properties
(PAPX in the FKP pages the PlcBtePapx lists: is a paragraph in a table, does it end a
table row, is it in a list and at which level), and the list definitions (PlfLst, PlfLfo)
to render Word's automatic numbering, which like the .docx keeps its numbers out of the
text. olefile (BSD, pure Python, maintained; it reads the OLE2 container, including the
mini stream) opens the compound file.

Fields keep their shown result, not their code (``{ PAGE }`` → ``3``); pictures, footnote
and comment marks are dropped; a table is read row by row like a .docx table
(``documents.tables``). Refused with a clear message: an encrypted or obfuscated document
(``fEncrypted``), Word 6/95 files (another, older format), a damaged one.
"""

from __future__ import annotations

import io
import struct
from bisect import bisect_right
from dataclasses import dataclass

from planner_desktop.domain.plan_cleaning import SourceParagraph
from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.documents.messages import (
    MSG_DOC_CORRUPT,
    MSG_DOC_TOO_OLD,
    MSG_PASSWORD,
    doc_kind,
)
from planner_desktop.exchange.documents.numbering import NFC_NAMES, format_number
from planner_desktop.exchange.documents.tables import table_lines
from planner_desktop.i18n import tr

_WORD_IDENT = 0xA5EC
_WORD97_NFIB = 0xC1  # Word 97; 6.0 and 95 wrote 101–105, in a format of their own
# Places in the FIB's FibRgFcLcb97 (pairs of fc, lcb), by their index there.
_FC_PLCF_BTE_PAPX, _FC_CLX, _FC_PLF_LST, _FC_PLF_LFO = 13, 33, 73, 74
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_ILVL, _SPRM_ILFO = 0x2416, 0x2417, 0x260A, 0x460B
_DROPPED = dict.fromkeys(map(chr, (0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x1F)), "")
_REPLACED = {"\x0b": "\n", "\x1e": "-", "\x0e": "\n"}


def read_doc(data: bytes, where: Location, suffix: str) -> list[SourceParagraph]:
    """The paragraphs of a Word 97–2003 document; raises FileReadError when it cannot be read."""
    try:
        return _Document(data).paragraphs()
    except _Refused as refused:
        raise FileReadError(tr(refused.message).format(kind=doc_kind(suffix)), where) from None
    except (OSError, ValueError, IndexError, KeyError, struct.error, UnicodeDecodeError) as exc:
        # olefile raises OSError for a bad container; a bad offset inside shows as the others
        raise FileReadError(tr(MSG_DOC_CORRUPT).format(kind=doc_kind(suffix)), where) from exc


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


@dataclass
class _Piece:
    cp: int  # the first character position of the piece
    end: int
    fc: int  # where its text starts in the WordDocument stream
    compressed: bool  # one byte a character (cp1252) rather than two (UTF-16LE)

    def fc_of(self, cp: int) -> int:
        return self.fc + (cp - self.cp) * (1 if self.compressed else 2)


@dataclass
class _Para:
    in_table: bool = False
    row_end: bool = False
    ilfo: int = 0
    ilvl: int = 0


class _Document:
    def __init__(self, data: bytes) -> None:
        import olefile  # imported here: only .doc and .wps files need it

        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                raise _Refused(MSG_DOC_CORRUPT)
            self.word = ole.openstream("WordDocument").read()
            ident, nfib = struct.unpack_from("<HH", self.word, 0)
            if ident != _WORD_IDENT:
                raise _Refused(MSG_DOC_CORRUPT)
            if nfib < _WORD97_NFIB:
                raise _Refused(MSG_DOC_TOO_OLD)
            flags = struct.unpack_from("<H", self.word, 0x0A)[0]
            if flags & 0x0100 or flags & 0x8000:  # fEncrypted, fObfuscated
                raise _Refused(MSG_PASSWORD)
            table = "1Table" if flags & 0x0200 else "0Table"
            if not ole.exists(table):
                raise _Refused(MSG_DOC_CORRUPT)
            self.table = ole.openstream(table).read()
        csw = struct.unpack_from("<H", self.word, 32)[0]
        lw = 34 + csw * 2 + 2  # FibRgLw97
        cslw = struct.unpack_from("<H", self.word, lw - 2)[0]
        self.ccp_text = struct.unpack_from("<i", self.word, lw + 12)[0]
        self.fc_lcb = lw + cslw * 4 + 2
        self.pieces = self._pieces()
        self.piece_starts = [piece.cp for piece in self.pieces]
        self.papx = _Papx(self.word, self._blob(_FC_PLCF_BTE_PAPX))
        self.lists = _Lists(self.table, self._fc_lcb(_FC_PLF_LST), self._blob(_FC_PLF_LFO))

    def _fc_lcb(self, index: int) -> tuple[int, int]:
        return struct.unpack_from("<Ii", self.word, self.fc_lcb + index * 8)

    def _blob(self, index: int) -> bytes:
        fc, lcb = self._fc_lcb(index)
        return self.table[fc:fc + lcb] if lcb > 0 else b""

    def _pieces(self) -> list[_Piece]:
        clx = self._blob(_FC_CLX)
        at = 0
        while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers, skipped
            at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
        if at >= len(clx) or clx[at] != 0x02:
            raise ValueError("no piece table")
        lcb = struct.unpack_from("<I", clx, at + 1)[0]
        plc = clx[at + 5:at + 5 + lcb]
        count = (len(plc) - 4) // 12
        cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
        pieces = []
        for i in range(count):
            fc = struct.unpack_from("<I", plc, (count + 1) * 4 + i * 8 + 2)[0]
            compressed = bool(fc & 0x40000000)
            start = (fc & 0x3FFFFFFF) // 2 if compressed else fc
            pieces.append(_Piece(cps[i], cps[i + 1], start, compressed))
        return pieces

    def text(self) -> str:
        """The main document's characters, one per character position."""
        parts = []
        for piece in self.pieces:
            end = min(piece.end, self.ccp_text)
            if end <= piece.cp:
                continue
            if piece.compressed:
                raw = self.word[piece.fc:piece.fc + end - piece.cp]
                parts.append(raw.decode("cp1252", errors="replace"))
            else:
                raw = self.word[piece.fc:piece.fc + 2 * (end - piece.cp)]
                parts.append(raw.decode("utf-16-le", errors="replace"))
        text = "".join(parts)
        if len(text) < self.ccp_text:
            raise ValueError("text shorter than the FIB says")
        return text

    def properties(self, cp: int) -> _Para:
        piece = self.pieces[bisect_right(self.piece_starts, cp) - 1]
        return self.papx.at(piece.fc_of(cp))

    def paragraphs(self) -> list[SourceParagraph]:
        out: list[SourceParagraph] = []
        rows: list[list[str]] = []
        row: list[str] = []
        cell: list[str] = []  # the paragraphs of a table cell so far
        for cp, end_mark, text in _units(self.text()):
            para = self.properties(cp)
            if rows and not para.in_table:
                out.extend(SourceParagraph(line, len(out) + 1, from_table=True) for line in table_lines(rows))
                out.append(SourceParagraph("", len(out)))
                rows = []
            if para.in_table:
                if end_mark == "\x07" and para.row_end:
                    rows.append(row)
                    row = []
                elif end_mark == "\x07":
                    row.append("".join([*cell, text]).strip())
                    cell = []
                else:  # a paragraph inside a cell: the cell goes on
                    cell.append(text.strip())
                continue
            label = self.lists.label(para.ilfo, para.ilvl)
            out.append(SourceParagraph(text, len(out) + 1, label,
                                       list_level=para.ilvl if label else None))
        if rows:
            out.extend(SourceParagraph(line, len(out) + 1, from_table=True) for line in table_lines(rows))
        return out


def _units(text: str):
    """(cp of the end mark, end mark, text) for each paragraph or table cell: text up to a
    paragraph mark (\\r), a cell or row mark (\\x07) or a section/page break (\\x0c), with
    field codes left out (between 0x13 and 0x14) and field results kept."""
    fields: list[bool] = []  # per open field: are we in its result yet
    kept: list[str] = []
    for cp, ch in enumerate(text):
        if ch == "\x13":
            fields.append(False)
        elif ch == "\x14":
            if fields:
                fields[-1] = True
        elif ch == "\x15":
            if fields:
                fields.pop()
        elif ch in "\r\x07\x0c":
            yield cp, ch, "".join(kept).translate(_DROPPED)
            kept = []
        elif all(fields):
            kept.append(_REPLACED.get(ch, ch))


class _Papx:
    """Paragraph properties by the stream offset of the paragraph mark (PlcBtePapx → FKPs)."""

    def __init__(self, word: bytes, plc: bytes) -> None:
        self.word = word
        count = (len(plc) - 4) // 8
        self.fcs = struct.unpack_from(f"<{count + 1}I", plc, 0) if count > 0 else (0,)
        self.pages = [pn & 0x3FFFFF for pn in struct.unpack_from(f"<{count}I", plc, (count + 1) * 4)] \
            if count > 0 else []
        self._fkps: dict[int, tuple[tuple[int, ...], list[_Para]]] = {}

    def at(self, fc: int) -> _Para:
        i = bisect_right(self.fcs, fc) - 1
        if i < 0 or i >= len(self.pages):
            return _Para()
        fcs, runs = self._fkp(self.pages[i])
        j = bisect_right(fcs, fc) - 1
        return runs[j] if 0 <= j < len(runs) else _Para()

    def _fkp(self, page: int) -> tuple[tuple[int, ...], list[_Para]]:
        if page not in self._fkps:
            fkp = self.word[page * 512:(page + 1) * 512]
            crun = fkp[511]
            fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
            runs = []
            for k in range(crun):
                offset = fkp[(crun + 1) * 4 + k * 13] * 2
                runs.append(_papx_in_fkp(fkp, offset) if offset else _Para())
            self._fkps[page] = (fcs, runs)
        return self._fkps[page]


def _papx_in_fkp(fkp: bytes, offset: int) -> _Para:
    cb = fkp[offset]
    if cb:
        start, size = offset + 1, 2 * cb - 1
    else:
        start, size = offset + 2, 2 * fkp[offset + 1]
    grpprl = fkp[start + 2:start + size]  # after the style index (istd)
    para = _Para()
    for sprm, operand in _sprms(grpprl):
        if sprm == _SPRM_IN_TABLE:
            para.in_table = operand[0] == 1
        elif sprm == _SPRM_TTP:
            para.row_end = operand[0] == 1
        elif sprm == _SPRM_ILVL:
            para.ilvl = operand[0]
        elif sprm == _SPRM_ILFO:
            para.ilfo = struct.unpack_from("<h", operand)[0]
    return para


_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


def _sprms(grpprl: bytes):
    """(sprm, operand bytes) of a grpprl ([MS-DOC] 2.2.5.1: the operand's size is in spra)."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        size = _OPERAND_SIZE.get(sprm >> 13)
        if size is None:  # variable: a size byte first (sprmPChgTabs and sprmTDefTable aside)
            if sprm == 0xD608:
                size = struct.unpack_from("<H", grpprl, at)[0] + 1
                at += 1
            else:
                size = grpprl[at]
                at += 1
        yield sprm, grpprl[at:at + size]
        at += size


@dataclass
class _Level:
    start: int
    fmt: str
    template: str  # the number text, with \x00..\x08 standing for the levels' numbers
    legal: bool
    restart_below: int  # the count restarts after a paragraph of a level above this one


class _Lists:
    """The list definitions (PlfLst, PlfLfo) and a counter per list, as Word counts."""

    def __init__(self, table: bytes, lst: tuple[int, int], plf_lfo: bytes) -> None:
        self.levels: dict[int, list[_Level]] = {}  # lsid → its levels
        self.lfo_lsid: list[int] = []
        self.overrides: dict[int, dict[int, int]] = {}  # ilfo → ilvl → start
        self.counters: dict[int, dict[int, int]] = {}
        if lst[1] > 0:
            self._read_lists(table, *lst)
        if plf_lfo:
            self._read_overrides(plf_lfo)

    def _read_lists(self, table: bytes, fc: int, lcb: int) -> None:
        plf = table[fc:fc + lcb]
        count = struct.unpack_from("<h", plf, 0)[0]
        heads = []
        for i in range(count):
            lsid = struct.unpack_from("<i", plf, 2 + i * 28)[0]
            simple = plf[2 + i * 28 + 26] & 0x01
            heads.append((lsid, 1 if simple else 9))
        # the LVLs follow the PlfLst in the table stream, list after list
        at = fc + lcb
        for lsid, levels in heads:
            read = []
            for ilvl in range(levels):
                level, at = _read_level(table, at, ilvl)
                read.append(level)
            self.levels[lsid] = read

    def _read_overrides(self, plf: bytes) -> None:
        count = struct.unpack_from("<i", plf, 0)[0]
        for i in range(count):
            self.lfo_lsid.append(struct.unpack_from("<i", plf, 4 + i * 16)[0])

    def label(self, ilfo: int, ilvl: int) -> str:
        """The number shown before a paragraph of list ``ilfo`` (1-based) at level ``ilvl``."""
        if ilfo <= 0 or ilfo > len(self.lfo_lsid):
            return ""
        lsid = self.lfo_lsid[ilfo - 1]
        levels = self.levels.get(lsid)
        if not levels or ilvl >= len(levels):
            return ""
        counters = self.counters.setdefault(lsid, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else levels[ilvl].start
        for deeper in [k for k in counters if k > ilvl]:
            if ilvl < levels[deeper].restart_below:
                del counters[deeper]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""
        out = []
        for ch in level.template:
            k = ord(ch)
            if k < 9:
                fmt = "decimal" if level.legal else levels[k].fmt
                out.append(format_number(counters.get(k, levels[k].start), fmt))
            else:
                out.append(ch)
        return "".join(out)


def _read_level(table: bytes, at: int, ilvl: int) -> tuple[_Level, int]:
    """One LVL: its 28-byte LVLF, the paragraph and character properties, the number text."""
    start, nfc, flags = struct.unpack_from("<iBB", table, at)
    cb_chpx, cb_papx, restart_lim = struct.unpack_from("<BBB", table, at + 24)
    at += 28 + cb_papx + cb_chpx
    length = struct.unpack_from("<H", table, at)[0]
    template = table[at + 2:at + 2 + 2 * length].decode("utf-16-le")
    # Without fNoRestart a level restarts after any level above it; with it, only after a
    # level above ilvlRestartLim (0: never).
    restart_below = restart_lim if flags & 0x08 else ilvl
    return _Level(start, NFC_NAMES.get(nfc, "decimal"), template, bool(flags & 0x04),
                  restart_below), at + 2 + 2 * length
