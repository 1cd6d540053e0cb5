"""Start tags and attributes of a spreadsheet's sheet XML, found in its bytes by regular
expressions rather than by an XML parser.

Why: a sheet part of a 5,000-row list is megabytes; a full ``ElementTree.iterparse`` of it
takes three to six times the whole calamine read, while a walk over the few start tags that
matter takes milliseconds. This is safe only because every XML part that declares a DTD was
refused before (``sniff``): what is left is machine-written XML without entities.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# The namespace prefix a writer gives the sheet's elements (``<x:row>`` from .NET libraries).
_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?(?:row|sheetData)[\s/>]")


@dataclass(frozen=True)
class SheetTags:
    """The tag patterns of one namespace prefix. Each starts with a literal (``<row``, not an
    optional prefix group), so the regex engine jumps from candidate to candidate instead of
    trying every ``<``: that makes a row walk ten times faster."""

    prefix: bytes
    row: re.Pattern[bytes]  # a row's start tag: (b"row", attributes)
    row_start: re.Pattern[bytes]  # matches where a row's start tag begins
    row_or_cell: re.Pattern[bytes]  # a row's or a cell's start tag: (b"row" | b"c", attributes)
    col: re.Pattern[bytes]  # a <col> tag: (attributes,)
    cell_end: re.Pattern[bytes]
    holds_value: re.Pattern[bytes]  # a cell's inner XML holding a value (<v> or <is>)
    value_text: re.Pattern[bytes]  # a cell's <v> text: (text,)
    sheet_data: re.Pattern[bytes]
    sheet_data_end: re.Pattern[bytes]


@functools.cache
def _tags_of(prefix: bytes) -> SheetTags:
    p = re.escape(prefix)
    return SheetTags(
        prefix,
        row=re.compile(b"<" + p + rb"(row)(?=[\s/>])([^>]*)>"),
        row_start=re.compile(b"<" + p + rb"row[\s/>]"),
        row_or_cell=re.compile(b"<" + p + rb"(row|c)(?=[\s/>])([^>]*)>"),
        col=re.compile(b"<" + p + rb"col(?=[\s/>])([^>]*)>"),
        cell_end=re.compile(b"</" + p + rb"c\s*>"),
        holds_value=re.compile(b"<" + p + rb"(?:v|is)[\s>/]"),
        value_text=re.compile(b"<" + p + rb"v\s*>([^<]*)</"),
        sheet_data=re.compile(b"<" + p + rb"sheetData[\s/>]"),
        sheet_data_end=re.compile(b"</" + p + rb"sheetData\s*>"),
    )


def sheet_tags(xml: bytes) -> SheetTags:
    """The patterns for the prefix this sheet part's elements carry."""
    found = _PREFIX.search(xml)
    return _tags_of((found.group(1) or b"") if found else b"")


@functools.cache
def _attribute(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"(?:^|\s)" + re.escape(name) + rb"""\s*=\s*["']([^"']*)["']""")


def attr(attrs: bytes, name: bytes) -> bytes | None:
    """The value of attribute ``name`` in a start tag's attribute text, or None."""
    match = _attribute(name).search(attrs)
    return match.group(1) if match else None
